package org.kho.wipe;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.kho.core.KhoException;
import org.kho.wipe.Refusal.Reason;
import org.kho.wipe.WipeCertificate.Verification;

/**
 * Plans a wipe (every safety check, the passes or commands, a resumable record) and runs an
 * allowed one to its certificate. Never runs a plan with refusals, nor one the operator did not
 * confirm by serial.
 */
public final class Wiper {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
  private final FirmwareEraser firmware;
  private final Journal journal;
  private final Clock clock;

  public Wiper(FirmwareEraser firmware, Journal journal, Clock clock) {
    this.firmware = firmware;
    this.journal = journal;
    this.clock = clock;
  }

  /**
   * Who and where, for the certificate.
   *
   * @param host the machine's name
   * @param tool Kho and its version
   */
  public record Origin(String host, String tool) {}

  /** The plan for {@code r} on {@code d}, with every reason to refuse it. */
  public WipePlan plan(Device d, WipeRequest r, Safety.Context machine) {
    List<Refusal> refusals = new ArrayList<>(Safety.check(d, machine));
    List<Note> notes = new ArrayList<>();
    List<Pass> passes = List.of();
    List<List<String>> commands = List.of();
    Optional<Journal.State> resume = Optional.empty();
    switch (r.method()) {
      case Overwrite o -> {
        passes = o.passes();
        resume = r.restart() ? Optional.empty() : journal.find(d.identity(), d.size());
        resume.filter(s -> !s.method().equals(o.label())).ifPresent(s -> refusals.add(new Refusal(Reason.METHOD_UNSUPPORTED,
            "an interrupted " + s.method() + " wipe of this device is on record (" + s.device() + ")",
            "give --method " + s.method() + " to resume it, or --restart to start over")));
        if (d.media().flash()) {
          notes.add(Note.FLASH_SPARE_CELLS);
        }
        if (r.verify() == Verify.NONE) {
          notes.add(Note.NOT_VERIFIED);
        }
      }
      case Firmware f -> {
        List<Firmware> supported = firmware.detect(d).methods();
        if (!supported.contains(f)) {
          refusals.add(new Refusal(Reason.METHOD_UNSUPPORTED, d.path() + " does not support " + f.label()
              + (supported.isEmpty() ? " (no firmware erase found)" : " (it supports " + labels(supported) + ")"),
              "pick a method 'kho wipe list' shows for it, or an overwrite (--method random)"));
        }
        commands = firmware.commands(f, d);
        notes.add(Note.FIRMWARE_NOT_READ_BACK);
      }
    }
    if (r.confirmSerial() != null && !r.confirmSerial().strip().equalsIgnoreCase(d.confirmation())) {
      refusals.add(new Refusal(Reason.SERIAL_MISMATCH, "the serial typed, '" + r.confirmSerial().strip()
          + "', is not the serial of " + d.path() + " ('" + d.confirmation() + "', its " + d.confirmationSource() + ")",
          "check the label on the disk against 'kho wipe list': the wrong disk may be attached"));
    }
    return new WipePlan(d, r.method(), r.method().category(d.media()), passes, r.verify(), commands, refusals, resume, notes);
  }

  /** Runs an allowed, confirmed plan; returns its certificate (unsigned). */
  public WipeCertificate run(WipePlan plan, WipeRequest r, Origin origin, WipeProgress progress, BooleanSupplier cancelled) {
    if (!plan.allowed()) {
      throw new WipeRefusedException(plan.device().path(), plan.refusals());
    }
    if (!r.confirms(plan.device())) {
      throw new KhoException("the wipe of " + plan.device().path() + " is not confirmed",
          "give --confirm-serial " + plan.device().confirmation() + " and --yes");
    }
    return switch (plan.method()) {
      case Overwrite o -> overwrite(plan, o, r, origin, progress, cancelled);
      case Firmware f -> firmware(plan, f, r, origin, progress);
    };
  }

  private WipeCertificate overwrite(WipePlan plan, Overwrite o, WipeRequest r, Origin origin, WipeProgress progress,
      BooleanSupplier cancelled) {
    Device d = plan.device();
    Journal.State start = plan.resume().map(Journal.State::interrupted).orElseGet(() -> fresh(d, o, r.verify()));
    journal.save(start);
    Journal.State end;
    boolean direct;
    try (RawDevice dev = RawDevice.open(Path.of(d.path()), d.size())) {
      direct = dev.direct();
      end = new Overwriter(journal, progress, cancelled).run(dev, o.passes(), start);
    } catch (IOException e) {
      throw new KhoException("writing " + d.path() + " failed: " + e.getMessage() + "; the place is saved",
          "check the device (dmesg, SMART); a failing disk should be destroyed, not wiped");
    }
    journal.remove(d.identity(), d.size());
    List<Note> notes = new ArrayList<>(plan.notes());
    if (!direct) {
      notes.add(Note.PAGE_CACHE);
    }
    Verification v = verification(end);
    WipeCertificate.Outcome outcome = v.result() == Verification.Result.FAILED ? WipeCertificate.Outcome.FAILED
        : WipeCertificate.Outcome.ERASED;
    return new WipeCertificate(newId(), r.assetTag(), WipeCertificate.Medium.of(d), o.label(), o.description(),
        plan.category(), o.passes().stream().map(Pass::label).toList(), end.pass(), v, end.started(), clock.instant(),
        r.operator(), r.witness(), origin.host(), origin.tool(), direct, end.interruptions(), outcome, notes);
  }

  private WipeCertificate firmware(WipePlan plan, Firmware f, WipeRequest r, Origin origin, WipeProgress progress) {
    Device d = plan.device();
    java.time.Instant started = clock.instant();
    firmware.run(f, d, progress);
    Verification v = new Verification("firmware", Verification.Result.REPORTED_BY_DEVICE, 0, 0, -1);
    return new WipeCertificate(newId(), r.assetTag(), WipeCertificate.Medium.of(d), f.label(), f.description(),
        plan.category(), List.of(), 0, v, started, clock.instant(), r.operator(), r.witness(), origin.host(), origin.tool(),
        false, 0, WipeCertificate.Outcome.ERASED, plan.notes());
  }

  private Journal.State fresh(Device d, Overwrite o, Verify verify) {
    List<String> seeds = o.passes().stream()
        .map(p -> p instanceof Pass.Random ? HexFormat.of().formatHex(Keystream.newSeed()) : "").toList();
    return new Journal.State(d.path(), d.identity(), d.size(), o.label(), verify, seeds, 0, false, 0, clock.instant(),
        0, 0, 0, -1);
  }

  private static Verification verification(Journal.State end) {
    if (end.verify() == Verify.NONE) {
      return new Verification("none", Verification.Result.NOT_VERIFIED, 0, 0, -1);
    }
    Verification.Result result = end.mismatched() == 0 ? Verification.Result.PASSED : Verification.Result.FAILED;
    return new Verification(end.verify().label(), result, end.verified(), end.mismatched(), end.firstMismatch());
  }

  private String newId() {
    byte[] b = new byte[4];
    new SecureRandom().nextBytes(b);
    return "W-" + DAY.format(clock.instant()) + "-" + HexFormat.of().formatHex(b);
  }

  private static String labels(List<Firmware> methods) {
    return String.join(", ", methods.stream().map(Firmware::label).toList());
  }
}
