package org.kho.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.Schedule;
import org.kho.catalogue.Target;
import org.kho.core.KhoException;
import org.kho.core.UsageException;
import org.kho.crypto.SigningKey;
import org.kho.evidence.AuditLine;
import org.kho.evidence.BundleExport;
import org.kho.evidence.Period;
import org.kho.repository.EvidenceStore;
import org.kho.repository.Host;
import org.kho.state.AuditLog;
import org.kho.state.StateLocation;
import org.kho.state.StateStore;
import org.kho.storage.Storage;
import org.kho.wipe.DirectoryRegister;

/**
 * {@code kho evidence export}: gathers every signed record of a period from a config directory —
 * the evidence of every catalogue target, drill reports and wipe certificates from the state store
 * (and a disposal register folder, if given), the audit-log segment — and writes one signed evidence
 * bundle. Reads targets without their passwords (evidence and snapshot objects are readable
 * without the key); needs the signing key only to sign the manifest. What it cannot reach is
 * named in the signed manifest, never silently left out.
 */
public final class EvidenceExportService {
  /** The audit log's action for an export. */
  static final String AUDIT_ACTION = "evidence export";
  private static final String STATE_STORE = "state store";

  private final Clock clock;
  private final Secrets secrets;
  private final Targets targets;
  private final StateAccess state;
  private final String program;

  public EvidenceExportService(Clock clock, Map<String, String> env, String program) {
    this.clock = clock;
    this.secrets = new Secrets(env);
    this.targets = new Targets(env);
    this.state = new StateAccess(env, clock);
    this.program = program;
  }

  /**
   * What to export.
   *
   * @param period {@code 2026}, {@code 2026-Q4} or {@code 2026-11}
   * @param zone the time zone of the period's days (default Asia/Ho_Chi_Minh)
   * @param force replace {@code out} if it exists
   * @param signer the agency signing key; default: the catalogue's {@code signingKey}
   * @param register a disposal register folder whose certificates to include too
   */
  public record Request(Path config, StateAccess.Options stateOptions, String period, Optional<ZoneId> zone, Path out,
      boolean force, Optional<SigningKey> signer, Optional<Path> register) {}

  /**
   * The bundle written, and what it holds.
   *
   * @param withoutState when there was no state store: the manifest's gap saying so (the bundle then
   *     holds what the targets hold, which is a whole export, not an incomplete one)
   */
  public record Result(Path out, Period period, BundleExport.Summary summary, Optional<String> withoutState) {
    /** What could not be gathered although the config names it (a target unreachable, a record unreadable). */
    public List<String> missed() {
      return summary.gaps().stream().filter(g -> withoutState.map(w -> !w.equals(g)).orElse(true)).toList();
    }
  }

  public Result export(Request r) {
    if (Files.exists(r.out()) && !r.force()) {
      throw new UsageException(r.out() + " already exists", "choose another --out, or pass --force to replace it");
    }
    Catalogue catalogue = new CatalogueService(clock).load(r.config());
    SigningKey key = r.signer().or(() -> catalogue.signingKey().map(secrets::signingKey))
        .orElseThrow(() -> new UsageException("an evidence bundle's manifest must be signed, and no signing key is given",
            "add signingKey: {file: /etc/kho/signing/signing.key} to catalogue.yaml, or pass --signing-key FILE"));
    Period period = Period.parse(r.period(), r.zone().orElse(Schedule.DEFAULT_ZONE));
    BundleExport export = new BundleExport(period, clock, new Host().name(), program);
    catalogue.targets().forEach(t -> addTarget(export, t));
    StateLocation location = state.locate(r.config(), r.stateOptions());
    boolean hasState = location.shared() || Files.isDirectory(location.directory());
    if (hasState) {
      try (StateStore store = state.open(r.config(), r.stateOptions(), 1)) {
        addState(export, store, period);
      }
    } else {
      export.gap(STATE_STORE, noState(location));
    }
    r.register().ifPresent(dir -> new DirectoryRegister(dir).list().forEach(c -> export.addRecord(c.json(), dir.toString())));
    BundleExport.Summary summary = write(export, key, r.out(), r.force());
    if (hasState) {
      try (StateStore store = state.open(r.config(), r.stateOptions(), 1)) {
        store.audit().append(new Host().user(), AUDIT_ACTION, period.label(), "bundle " + r.out().toAbsolutePath()
            + " signed by " + summary.key());
      }
    }
    return new Result(r.out(), period, summary,
        hasState ? Optional.empty() : Optional.of(STATE_STORE + ": " + noState(location)));
  }

  private static String noState(StateLocation location) {
    return "none at " + location.directory() + ": the drill reports and wipe certificates kept only there, and the "
        + "audit-log segment, are not included";
  }

  private void addTarget(BundleExport export, Target target) {
    try (Storage storage = targets.open(target)) {
      export.addRepository(target.id().value(), EvidenceStore.on(storage));
    } catch (KhoException | UncheckedIOException e) {
      export.gap("target " + target.id().value(), e.getMessage());
    }
  }

  private static void addState(BundleExport export, StateStore store, Period period) {
    store.evidence().documents("drill").forEach(d -> export.addRecord(d, "state store (drill)"));
    store.evidence().documents("wipe").forEach(d -> export.addRecord(d, "state store (wipe)"));
    AuditLog.Segment segment = store.audit().segment(period.from(), period.to());
    export.addAuditSegment(segment.before(), segment.entries().stream().map(l -> new AuditLine(l.entry().seq(),
        l.entry().at(), l.entry().actor(), l.entry().action(), l.entry().subject(), l.entry().detail(), l.previous(),
        l.hash())).toList());
  }

  /** Writes to a temporary file beside {@code out}, then moves it into place. */
  private static BundleExport.Summary write(BundleExport export, SigningKey key, Path out, boolean force) {
    Path dir = out.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, ".kho-bundle-", ".tmp");
      BundleExport.Summary summary;
      try (OutputStream o = Files.newOutputStream(tmp)) {
        summary = export.write(o, key);
      }
      if (force) {
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.move(tmp, out); // fails if a file appeared there meanwhile
      }
      return summary;
    } catch (IOException e) {
      throw new KhoException("cannot write the bundle " + out + ": " + e.getMessage(),
          "check that the folder exists and is writable, and that " + out + " does not exist (or pass --force)", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: a leftover temporary file holds only public evidence
        }
      }
    }
  }
}
