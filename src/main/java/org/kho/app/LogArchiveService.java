package org.kho.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kho.backup.BackupProgress;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.LogSource;
import org.kho.catalogue.Schedule;
import org.kho.catalogue.Target;
import org.kho.core.KhoException;
import org.kho.core.TargetId;
import org.kho.core.UsageException;
import org.kho.crypto.SigningKey;
import org.kho.crypto.VerifyingKey;
import org.kho.logarchive.LogArchive;
import org.kho.logarchive.MonthState;
import org.kho.logarchive.Signatures;
import org.kho.repository.Credential;
import org.kho.repository.Repository;
import org.kho.restore.RestoreProgress;
import org.kho.restore.RestoreRequest;
import org.kho.restore.RestoreResult;
import org.kho.restore.RestoreService;
import org.kho.storage.local.LocalStorage;

/**
 * Monthly log archives of the catalogue's log sources, each into each of its targets: archive the
 * closed months, list months and gaps, verify chains and data, restore a month. Manifests are
 * signed with the agency key (given, or the catalogue's {@code signingKey}) and checked with its
 * public half. Months are those of the source's schedule's time zone.
 */
public final class LogArchiveService {
  private final Clock clock;
  private final Secrets secrets;
  private final LogArchive engine;

  public LogArchiveService(Clock clock, String program, Map<String, String> env) {
    this.clock = clock;
    this.secrets = new Secrets(env);
    this.engine = new LogArchive(clock, program);
  }

  /**
   * What to archive.
   *
   * @param sources log source ids (all when empty)
   * @param month archive up to this month (default: the last closed one)
   * @param force archive {@code month} although it is still open
   * @param apply delete originals the catalogue allows to delete, once verified in every target
   * @param signer the agency signing key; default: the catalogue's {@code signingKey}
   */
  public record ArchiveRequest(List<String> sources, Optional<YearMonth> month, boolean force, boolean apply,
      Optional<SigningKey> signer) {
    public ArchiveRequest {
      sources = List.copyOf(sources);
    }
  }

  public List<LogArchive.SourceRun> archive(Catalogue catalogue, ArchiveRequest request, BackupProgress progress) {
    if (request.signer().isEmpty() && catalogue.signingKey().isEmpty()) {
      throw new UsageException("log manifests must be signed, and no signing key is given",
          "add signingKey: {file: /etc/kho/signing/signing.key} to catalogue.yaml, or pass --signing-key FILE");
    }
    List<LogArchive.SourceRun> runs = new ArrayList<>();
    SigningKey key = null;
    for (LogSource source : select(catalogue, request.sources())) {
      // the first target's key derivation starts first: it overlaps reading the signing key (an
      // Ed25519 public key to derive) and finding and dating the month's files
      try (EarlyOpen early = source.targets().isEmpty() ? null
          : EarlyOpen.start(() -> open(catalogue, source.targets().getFirst(), archiveOptions(source)))) {
        if (key == null) {
          key = request.signer().orElseGet(() -> secrets.signingKey(catalogue.signingKey().orElseThrow()));
        }
        SigningKey signer = key;
        Map<TargetId, LogArchive.Opener> openers = new LinkedHashMap<>();
        source.targets().forEach(t -> openers.put(t, () -> signed(
            early != null && t.equals(source.targets().getFirst()) ? early.open() : open(catalogue, t, archiveOptions(source)),
            signer)));
        runs.add(engine.archive(source, zone(catalogue, source), openers, signatures(signer.verifying()),
            new LogArchive.Options(request.month(), request.force(), request.apply(), source.allowSameDevice()), progress));
      }
    }
    return runs;
  }

  private static Repository signed(Repository repo, SigningKey key) {
    repo.signWith(key);
    return repo;
  }

  /** The months of one source in one target, or why they could not be read. */
  public record TargetMonths(String source, String target, List<MonthState> months, String failure) {}

  /** Every source's months in every target, from its first archived month to the last closed one. */
  public List<TargetMonths> list(Catalogue catalogue, Optional<VerifyingKey> key) {
    Signatures signatures = signatures(verifying(catalogue, key));
    return perTarget(catalogue, (source, repo) -> engine.months(source, zone(catalogue, source), repo, signatures),
        (source, target, months, failure) -> new TargetMonths(source, target, months, failure));
  }

  /** A month with no logs where logs were expected, or not archived though closed. */
  public record Gap(String source, String target, YearMonth month, MonthState.State state) {}

  /** The gaps of every source in every target; for {@code kho status} and the reports. */
  public List<Gap> gaps(Catalogue catalogue, Optional<VerifyingKey> key) {
    List<Gap> gaps = new ArrayList<>();
    for (TargetMonths t : list(catalogue, key)) {
      t.months().stream().filter(MonthState::gap).forEach(m -> gaps.add(new Gap(t.source(), t.target(), m.month(), m.state())));
    }
    return gaps;
  }

  /** What verifying one source in one target found, or why it could not run. */
  public record TargetVerification(String source, String target, LogArchive.Verification result, String failure) {
    public boolean ok() {
      return failure == null && result.ok();
    }
  }

  /** Walks every source's chain in every target and reads every month back. */
  public List<TargetVerification> verify(Catalogue catalogue, Optional<VerifyingKey> key) {
    Signatures signatures = signatures(verifying(catalogue, key));
    return perTarget(catalogue, (source, repo) -> engine.verify(source, zone(catalogue, source), repo, signatures),
        (source, target, result, failure) -> new TargetVerification(source, target, result, failure));
  }

  /** Restores one month of a source from the first of its targets that has it. */
  public RestoreResult restore(Catalogue catalogue, String sourceId, YearMonth month, Path into,
      Optional<String> targetId, Optional<VerifyingKey> key, RestoreProgress progress) {
    LogSource source = select(catalogue, List.of(sourceId)).getFirst();
    Signatures signatures = signatures(verifying(catalogue, key));
    List<String> tried = new ArrayList<>();
    for (TargetId t : source.targets()) {
      if (targetId.isPresent() && !targetId.get().equals(t.value())) {
        continue;
      }
      try (Repository repo = open(catalogue, t)) {
        Optional<String> snapshot = engine.snapshot(source, month, repo, signatures);
        if (snapshot.isPresent()) {
          return new RestoreService(repo).run(new RestoreRequest(snapshot.get(), into, List.of(), true), progress);
        }
        tried.add(t + ": no archive of " + month);
      } catch (KhoException e) {
        tried.add(t + ": " + e.getMessage());
      }
    }
    throw new KhoException("no target holds " + sourceId + " " + month + (tried.isEmpty() ? "" : " (" + String.join("; ", tried) + ")"),
        "'kho logs list' shows the archived months");
  }

  /** One source in one target: the value, or the failure's message. */
  private interface PerTarget<T> {
    T apply(LogSource source, Repository repo);
  }

  private interface Row<T, R> {
    R make(String source, String target, T value, String failure);
  }

  private <T, R> List<R> perTarget(Catalogue catalogue, PerTarget<T> action, Row<T, R> row) {
    List<R> out = new ArrayList<>();
    for (LogSource source : catalogue.logSources()) {
      for (TargetId t : source.targets()) {
        try (Repository repo = open(catalogue, t)) {
          out.add(row.make(source.id().value(), t.value(), action.apply(source, repo), null));
        } catch (KhoException e) {
          out.add(row.make(source.id().value(), t.value(), null, e.getMessage()));
        }
      }
    }
    return out;
  }

  private Repository open(Catalogue catalogue, TargetId id) {
    return open(catalogue, id, Repository.Options.defaults(clock).forBulkData());
  }

  /**
   * How to open a target for archiving: without the crypto warm-up unless originals are to be
   * deleted (then every month is read back and opened). Archiving seals only the compressed logs
   * (~170 MB per GiB), whose own 1 KiB calls get the cipher compiled; the warm-up's 12,000
   * messages competed with the key derivation for the second core while the data waited for the
   * key, and under CompileThresholdScaling=5 (bin/kho-java) they no longer reach the C2
   * thresholds, so they mostly left C1 code behind: without it a 959 MiB archive took
   * ~1.3 CPU-s less (bench/logs, under load: 11.7 -> 10.4 CPU-s).
   */
  private Repository.Options archiveOptions(LogSource source) {
    Repository.Options options = Repository.Options.defaults(clock);
    return source.deleteOriginals() ? options.forBulkData() : options;
  }

  private Repository open(Catalogue catalogue, TargetId id, Repository.Options options) {
    Target target = catalogue.target(id).orElseThrow();
    if (!(target instanceof Target.Local local)) {
      throw new KhoException("target " + id + " is remote (" + target.location() + "); remote targets are not "
          + "supported by this version", "archive logs to a local or external-disk target for now");
    }
    String password = secrets.read(target.repositoryPassword().orElseThrow(() -> new KhoException(
        "target " + id + " has no repositoryPassword", "add repositoryPassword: {file: …} to the target")));
    return Repository.open(LocalStorage.open(local.path()), Credential.passphrase(password), options);
  }

  private VerifyingKey verifying(Catalogue catalogue, Optional<VerifyingKey> key) {
    return key.or(() -> catalogue.signingKey().map(secrets::signingKey).map(SigningKey::verifying))
        .orElseThrow(() -> new UsageException("checking log manifests needs the agency's public key",
            "pass --public-key signing.pub, or add signingKey to catalogue.yaml"));
  }

  private ZoneId zone(Catalogue catalogue, LogSource source) {
    return catalogue.schedule(source.schedule()).map(Schedule::zone).orElse(clock.getZone());
  }

  private static Signatures signatures(VerifyingKey key) {
    return rec -> {
      try {
        return rec.signer().equals(key.fingerprint())
            && key.verify(rec.statement().getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(rec.signature()));
      } catch (IllegalArgumentException e) {
        return false;
      }
    };
  }

  private static List<LogSource> select(Catalogue catalogue, List<String> ids) {
    if (ids.isEmpty()) {
      return catalogue.logSources();
    }
    Map<String, LogSource> byId = new LinkedHashMap<>();
    catalogue.logSources().forEach(s -> byId.put(s.id().value(), s));
    return ids.stream().map(id -> Optional.ofNullable(byId.get(id)).orElseThrow(() -> new UsageException(
        "the catalogue has no log source '" + id + "'", "'kho logs list' and 'kho catalogue show' list them"))).toList();
  }
}
