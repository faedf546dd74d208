package org.kho.wipe;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kho.core.KhoException;

/**
 * Finds which {@link Firmware} methods a device supports (hdparm -I, nvme id-ctrl, /sys discard
 * limits), builds the commands for one, runs them and waits for the device to finish. Refuses
 * ATA and NVMe commands through USB bridges, which may reset or brick a drive mid-erase.
 */
public final class FirmwareEraser {
  /** A throwaway ATA user password: Security Erase needs one set, and the erase clears it. */
  static final String ATA_PASSWORD = "kho";
  private final CommandRunner runner;
  private final Path sys;
  private final Duration poll;

  public FirmwareEraser(CommandRunner runner, Path sys, Duration poll) {
    this.runner = runner;
    this.sys = sys;
    this.poll = poll;
  }

  /**
   * What a device supports, and why not the rest.
   *
   * @param methods the firmware methods it supports, best first
   * @param notes why other methods are not offered (tool missing, frozen, USB bridge, ...)
   */
  public record Capabilities(List<Firmware> methods, List<String> notes) {
    public Capabilities {
      methods = List.copyOf(methods);
      notes = List.copyOf(notes);
    }
  }

  /** Asks the device what it supports; never changes anything. */
  public Capabilities detect(Device d) {
    List<Firmware> methods = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (d.kind() != Device.Kind.DISK) {
      return new Capabilities(methods, List.of("firmware erase needs a physical disk"));
    }
    boolean usb = "usb".equalsIgnoreCase(d.transport());
    if (usb) {
      notes.add("behind a USB bridge: ATA and NVMe commands are not sent (they may reset or brick the drive)");
    } else if (d.name().startsWith("nvme")) {
      nvme(d, methods, notes);
    } else if (!d.name().startsWith("vd") && !d.name().startsWith("xvd")) {
      ata(d, methods, notes);
    }
    if (discards(d)) {
      methods.add(Firmware.BLKDISCARD_SECURE);
      notes.add("blkdiscard-secure: the device takes discards; whether it honours a secure one shows only when tried");
    }
    return new Capabilities(methods, notes);
  }

  private void nvme(Device d, List<Firmware> methods, List<String> notes) {
    CommandRunner.Result r = runner.run(List.of("nvme", "id-ctrl", controller(d), "-o", "json"));
    if (!r.ok()) {
      notes.add(r.exit() == -1 ? "nvme-cli is not installed (apt-get install nvme-cli)" : "nvme id-ctrl failed: " + r.err().strip());
      return;
    }
    JsonNode id = FirmwareOutput.json(r.out());
    long sanicap = id.path("sanicap").asLong(0);
    long oacs = id.path("oacs").asLong(0);
    long fna = id.path("fna").asLong(0);
    if ((sanicap & 1) != 0) {
      methods.add(Firmware.NVME_SANITIZE_CRYPTO);
    }
    if ((sanicap & 2) != 0) {
      methods.add(Firmware.NVME_SANITIZE_BLOCK);
    }
    if ((oacs & 2) != 0) {
      if ((fna & 4) != 0) {
        methods.add(Firmware.NVME_FORMAT_CRYPTO);
      }
      methods.add(Firmware.NVME_FORMAT_ERASE);
    }
  }

  private void ata(Device d, List<Firmware> methods, List<String> notes) {
    CommandRunner.Result r = runner.run(List.of("hdparm", "-I", d.path()));
    if (!r.ok()) {
      notes.add(r.exit() == -1 ? "hdparm is not installed (apt-get install hdparm)" : "hdparm -I failed: " + r.err().strip());
      return;
    }
    FirmwareOutput.Ata ata = FirmwareOutput.ata(r.out());
    if (ata.cryptoScramble()) {
      methods.add(Firmware.ATA_SANITIZE_CRYPTO);
    }
    if (ata.blockErase()) {
      methods.add(Firmware.ATA_SANITIZE_BLOCK);
    }
    if (ata.overwrite()) {
      methods.add(Firmware.ATA_SANITIZE_OVERWRITE);
    }
    if (ata.securityEnhanced() && !ata.frozen()) {
      methods.add(Firmware.ATA_SECURE_ERASE);
    } else if (ata.securityEnhanced()) {
      notes.add("ATA security is frozen by the BIOS: suspend and resume the machine (or hot-plug the disk) to unfreeze it");
    }
  }

  private boolean discards(Device d) {
    try {
      Path f = sys.resolve("block").resolve(d.name()).resolve("queue/discard_max_bytes");
      return Files.exists(f) && Long.parseLong(Files.readString(f).strip()) > 0;
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  /** The commands {@code m} runs on {@code d}, in order; the last one starts the erase. */
  public List<List<String>> commands(Firmware m, Device d) {
    String dev = d.path();
    String sure = "--yes-i-know-what-i-am-doing";
    return switch (m) {
      case NVME_SANITIZE_CRYPTO -> List.of(List.of("nvme", "sanitize", controller(d), "--sanact=4"));
      case NVME_SANITIZE_BLOCK -> List.of(List.of("nvme", "sanitize", controller(d), "--sanact=2"));
      case NVME_FORMAT_CRYPTO -> List.of(List.of("nvme", "format", dev, "--ses=2", "--force"));
      case NVME_FORMAT_ERASE -> List.of(List.of("nvme", "format", dev, "--ses=1", "--force"));
      case ATA_SANITIZE_CRYPTO -> List.of(List.of("hdparm", sure, "--sanitize-crypto-scramble", dev));
      case ATA_SANITIZE_BLOCK -> List.of(List.of("hdparm", sure, "--sanitize-block-erase", dev));
      case ATA_SANITIZE_OVERWRITE -> List.of(List.of("hdparm", sure, "--sanitize-overwrite", "hex:00000000", dev));
      case ATA_SECURE_ERASE -> List.of(
          List.of("hdparm", "--user-master", "u", "--security-set-pass", ATA_PASSWORD, dev),
          List.of("hdparm", "--user-master", "u", "--security-erase-enhanced", ATA_PASSWORD, dev));
      case BLKDISCARD_SECURE -> List.of(List.of("blkdiscard", "--secure", dev));
    };
  }

  /** The command that reports a running sanitize's state, for the methods that run in the background. */
  List<String> statusCommand(Firmware m, Device d) {
    return switch (m) {
      case NVME_SANITIZE_CRYPTO, NVME_SANITIZE_BLOCK -> List.of("nvme", "sanitize-log", controller(d), "-o", "json");
      case ATA_SANITIZE_CRYPTO, ATA_SANITIZE_BLOCK, ATA_SANITIZE_OVERWRITE -> List.of("hdparm", "--sanitize-status", d.path());
      default -> List.of();
    };
  }

  /** Runs {@code m} on {@code d} and waits until the device reports it done; throws when it fails. */
  public void run(Firmware m, Device d, WipeProgress progress) {
    progress.phase(m.label(), 0, 0);
    for (List<String> command : commands(m, d)) {
      CommandRunner.Result r = runner.run(command);
      if (!r.ok()) {
        throw new KhoException(String.join(" ", command) + " failed (exit " + r.exit() + "): " + (r.err() + r.out()).strip(),
            "the device did not accept the command; try another method from 'kho wipe list', or an overwrite");
      }
    }
    List<String> status = statusCommand(m, d);
    while (!status.isEmpty() && running(m, runner.run(status))) {
      sleep();
    }
    progress.finished();
  }

  private static boolean running(Firmware m, CommandRunner.Result r) {
    if (!r.ok()) {
      throw new KhoException("cannot read the sanitize status: " + r.err().strip(), "check the device with nvme sanitize-log or hdparm --sanitize-status");
    }
    FirmwareOutput.SanitizeState s = m.name().startsWith("NVME") ? FirmwareOutput.nvmeSanitize(r.out())
        : FirmwareOutput.ataSanitize(r.out());
    if (s == FirmwareOutput.SanitizeState.FAILED) {
      throw new KhoException("the device reports that the sanitize failed", "clear it (nvme sanitize --sanact=1 / hdparm "
          + "--sanitize-status) and try again, or destroy the disk");
    }
    return s == FirmwareOutput.SanitizeState.RUNNING;
  }

  private void sleep() {
    try {
      Thread.sleep(poll);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KhoException("stopped waiting for the sanitize (it goes on in the device, even across power cycles)",
          "check its state with nvme sanitize-log or hdparm --sanitize-status");
    }
  }

  /** The NVMe controller of a namespace: /dev/nvme0n1 → /dev/nvme0 (sanitize acts on the controller). */
  static String controller(Device d) {
    return d.path().replaceFirst("n\\d+$", "").toLowerCase(Locale.ROOT);
  }
}
