package org.kho.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The verification guide inside an evidence bundle ({@code README.md}, Vietnamese then English). */
final class Guide {
  private static final String RESOURCE = "bundle-guide.md";

  private Guide() {}

  /** The guide for a bundle of {@code period} signed by the key {@code fingerprint}. */
  static byte[] text(Period period, String fingerprint, Instant created) {
    String template;
    try (InputStream in = Guide.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the program");
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
    return template.replace("{{period}}", period.label()).replace("{{zone}}", period.zone().getId())
        .replace("{{fingerprint}}", fingerprint).replace("{{created}}", created.toString())
        .getBytes(StandardCharsets.UTF_8);
  }
}
