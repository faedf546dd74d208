package org.kho.wipe;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How a device is wiped: an {@link Overwrite} scheme Kho writes itself, or a {@link Firmware}
 * command the device carries out. Named on the command line by {@link #label()}.
 */
public sealed interface WipeMethod permits Overwrite, Firmware {
  /** The name on the command line and in certificates: {@code random}, {@code nvme-sanitize-crypto}. */
  String label();

  /** What it does, in a few words for the plan and the certificate. */
  String description();

  /** The NIST SP 800-88 category this method reaches on {@code media}. */
  NistCategory category(MediaType media);

  /** Every method, overwrites first. */
  static Stream<WipeMethod> all() {
    return Stream.concat(Arrays.stream(Overwrite.values()), Arrays.stream(Firmware.values()));
  }

  /** The method called {@code label}, if any. */
  static Optional<WipeMethod> parse(String label) {
    return all().filter(m -> m.label().equalsIgnoreCase(label.strip())).findFirst();
  }

  /** The NIST SP 800-88 sanitization categories Kho can reach. */
  enum NistCategory {
    /** Logical techniques on every user-addressable location; protects against simple recovery. */
    CLEAR,
    /** Makes recovery infeasible with state-of-the-art laboratory techniques. */
    PURGE;

    public String label() {
      return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
  }
}
