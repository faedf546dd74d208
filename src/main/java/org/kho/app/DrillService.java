package org.kho.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.DrillPlan;
import org.kho.catalogue.Item;
import org.kho.catalogue.Source;
import org.kho.catalogue.Target;
import org.kho.command.Commands;
import org.kho.core.DrillPlanId;
import org.kho.core.KhoException;
import org.kho.core.TargetId;
import org.kho.core.UsageException;
import org.kho.crypto.SigningKey;
import org.kho.crypto.VerifyingKey;
import org.kho.drill.DrillProgress;
import org.kho.drill.DrillStatement;
import org.kho.drill.RestoreDrill;
import org.kho.drill.Slice;
import org.kho.plan.DrillTargets;
import org.kho.repository.DrillResult;
import org.kho.repository.EvidenceRecord;
import org.kho.repository.EvidenceStore;
import org.kho.repository.Host;
import org.kho.repository.Repository;
import org.kho.state.Run;
import org.kho.state.StateStore;

/**
 * {@code kho drill run}: runs a catalogue drill plan (each item from the targets {@link DrillTargets}
 * chooses: in turn, or every one),
 * signs the {@code kho.drill.v1} statement with the agency key, and stores it where the drill
 * report contract says: an evidence record and a {@code drills/} marker per drilled snapshot in
 * each repository read, and, given a state store, the evidence index (kind {@value #KIND}, with
 * the whole envelope), the run history (action {@value #KIND}) and the audit log.
 */
public final class DrillService {
  /** The evidence index's kind, and the run history's action, of a drill. */
  public static final String KIND = "drill";
  private final Clock clock;
  private final Secrets secrets;
  private final TargetRepositories repositories;
  private final Commands commands;

  public DrillService(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.secrets = new Secrets(env);
    this.repositories = new TargetRepositories(clock, secrets);
    this.commands = new Commands(env);
  }

  /**
   * Which drill, run by whom.
   *
   * @param signer the agency signing key; default: the catalogue's {@code signingKey}
   */
  public record Request(String plan, Optional<String> operator, Optional<String> witness, Optional<SigningKey> signer) {}

  /**
   * What a drill did and where its report went.
   *
   * @param envelope the signed record's JSON text ({@code statement}, {@code signer}, {@code signature})
   * @param records the evidence record's name in each target read, by target id
   */
  public record Result(DrillStatement statement, String envelope, Map<String, String> records) {
    public boolean passed() {
      return statement.outcome() == DrillStatement.Outcome.PASSED;
    }
  }

  /** Runs drill plan {@code request.plan()}; {@code state}, when given, records it there too. */
  public Result run(Catalogue catalogue, Request request, Optional<StateStore> state, DrillProgress progress) {
    DrillPlan plan = catalogue.drillPlan(new DrillPlanId(request.plan())).orElseThrow(() -> new UsageException(
        "the catalogue has no drill plan '" + request.plan() + "'", "the plans are the files in restore-drills/: "
            + catalogue.drillPlans().stream().map(p -> p.id().value()).sorted().toList()));
    SigningKey key = request.signer().or(() -> catalogue.signingKey().map(secrets::signingKey))
        .orElseThrow(() -> new UsageException("drill reports must be signed, and no signing key is given",
            "add signingKey: {file: /etc/kho/signing/signing.key} to catalogue.yaml, or pass --signing-key FILE"));
    List<Item> items = catalogue.items().stream().filter(i -> catalogue.drillsFor(i).contains(plan)).toList();
    if (items.isEmpty()) {
      throw new UsageException("drill plan '" + plan.id() + "' names no item",
          "list items in the plan (items: [ID]) or name the plan in an item (drill: " + plan.id() + ")");
    }
    Optional<Long> run = state.map(s -> s.runs().start(new Run.Start(KIND, plan.id().value(), Run.Cause.MANUAL,
        Optional.empty(), new Host().name())));
    Map<TargetId, Repository> repos = new LinkedHashMap<>();
    Function<TargetId, Repository> open = id -> repos.computeIfAbsent(id,
        t -> repositories.openForData(catalogue.target(t).orElseThrow()));
    try {
      List<DrillStatement> before = previous(plan, key.verifying(), state,
          items.stream().flatMap(i -> plan.targetsOf(i).stream()).distinct().toList(), open);
      List<RestoreDrill.Source> sources = new ArrayList<>();
      for (Item item : items) {
        for (TargetId t : DrillTargets.choose(plan, item, lastTarget(before, item.id().value()))) {
          sources.add(new RestoreDrill.Source(item.id().value(), t.value(), open.apply(t)));
        }
      }
      Slice slice = Slice.next(newest(before).map(DrillStatement::rollingSlice), plan.samplePercent(), new SecureRandom());
      DrillStatement statement = new RestoreDrill(clock, steps()).run(new RestoreDrill.Request(plan, sources, slice,
          protectedPaths(catalogue), new Host().name(), request.operator().orElse(null), request.witness().orElse(null)),
          progress);
      Result result = store(statement, key, sources);
      state.ifPresent(s -> record(s, run.orElseThrow(), result));
      return result;
    } catch (RuntimeException e) {
      state.ifPresent(s -> s.runs().finish(run.orElseThrow(), new Run.End(Run.Outcome.FAILED, Run.Figures.NONE, "",
          String.valueOf(e.getMessage()))));
      throw e;
    } finally {
      repos.values().forEach(Repository::close);
    }
  }

  /** A drill run outside any catalogue (the quickstart's): the same engine, signed and stored the same way. */
  public Result run(DrillPlan plan, List<RestoreDrill.Source> sources, SigningKey key, List<Path> protectedPaths,
      DrillProgress progress) {
    Slice slice = Slice.next(Optional.empty(), plan.samplePercent(), new SecureRandom());
    DrillStatement statement = new RestoreDrill(clock, steps()).run(new RestoreDrill.Request(plan, sources, slice,
        protectedPaths, new Host().name(), null, null), progress);
    return store(statement, key, sources);
  }

  private DrillSteps steps() {
    return new DrillSteps(commands, new CommandFactory(secrets), clock::millis);
  }

  /** Signs the statement into every repository read, with a {@code drills/} marker per drilled snapshot. */
  private static Result store(DrillStatement statement, SigningKey key, List<RestoreDrill.Source> sources) {
    String json = statement.json();
    Map<String, String> records = new LinkedHashMap<>();
    String envelope = null;
    for (RestoreDrill.Source source : sources) {
      if (!records.containsKey(source.target())) {
        var name = source.repo().writeEvidence(json, key);
        records.put(source.target(), name.name());
        envelope = new String(source.repo().storage().read(name), StandardCharsets.UTF_8);
      }
    }
    boolean good = statement.outcome() != DrillStatement.Outcome.FAILED;
    Instant finished = statement.finished();
    for (DrillStatement.Item item : statement.items()) {
      RestoreDrill.Source source = sources.stream()
          .filter(s -> s.item().equals(item.item()) && s.target().equals(item.target())).findFirst().orElseThrow();
      source.repo().saveDrillResult(new DrillResult(DrillResult.VERSION, item.snapshot(), item.item(), finished,
          good ? DrillResult.Outcome.PASSED : DrillResult.Outcome.FAILED, statement.plan(), records.get(source.target()),
          "drill " + statement.id() + " " + statement.outcome() + ": " + item.filesVerified() + " of "
              + item.filesRestored() + " restored files verified" + (item.damaged().isEmpty() ? "" : ", "
              + item.damaged().size() + " damaged")));
    }
    return new Result(statement, envelope, records);
  }

  private static void record(StateStore state, long run, Result result) {
    DrillStatement s = result.statement();
    long files = s.items().stream().mapToLong(DrillStatement.Item::filesVerified).sum();
    long bytes = s.items().stream().mapToLong(DrillStatement.Item::bytesVerified).sum();
    String detail = s.id() + " " + s.outcome() + ": " + files + " files verified";
    result.records().keySet().forEach(target -> state.evidence().add(KIND, s.plan(), target, s.id(), true,
        Optional.of(run), Optional.of(result.envelope())));
    state.runs().finish(run, new Run.End(s.outcome() == DrillStatement.Outcome.FAILED ? Run.Outcome.FAILED
        : Run.Outcome.SUCCEEDED, new Run.Figures(files, bytes, 0), detail, String.join("; ", s.reasons())));
    state.audit().append(s.operator() != null ? s.operator() : new Host().user(), KIND, s.plan(),
        detail + (s.witness() != null ? ", witness " + s.witness() : "") + (s.reasons().isEmpty() ? "" : "; "
            + String.join("; ", s.reasons())));
  }

  /**
   * The plan's well-signed earlier reports: from the state store when it has some, else from the
   * evidence of every target the plan may restore from ({@code targets}, opened by {@code open}).
   */
  private static List<DrillStatement> previous(DrillPlan plan, VerifyingKey key, Optional<StateStore> state,
      List<TargetId> targets, Function<TargetId, Repository> open) {
    List<EvidenceRecord> envelopes = new ArrayList<>();
    state.ifPresent(s -> s.evidence().documents(KIND).forEach(d -> parseEnvelope(d).ifPresent(envelopes::add)));
    if (reports(envelopes, plan, key).isEmpty()) {
      for (TargetId target : targets) {
        EvidenceStore store = EvidenceStore.on(open.apply(target).storage());
        for (String name : store.recordNames()) {
          try {
            envelopes.add(store.record(name));
          } catch (KhoException e) {
            // a damaged record is reported by 'kho evidence verify'; it cannot be the previous drill
          }
        }
      }
    }
    return reports(envelopes, plan, key);
  }

  private static Optional<DrillStatement> newest(List<DrillStatement> reports) {
    return reports.stream().max(Comparator.comparing(DrillStatement::started, Comparator.nullsFirst(Comparator.naturalOrder())));
  }

  /**
   * The target the newest of {@code reports} that drilled {@code item} restored it from: the item's
   * own {@code target}, or (reports of older builds) the report's when it names one alone.
   */
  private static Optional<TargetId> lastTarget(List<DrillStatement> reports, String item) {
    return reports.stream().filter(r -> r.items().stream().anyMatch(i -> item.equals(i.item())))
        .max(Comparator.comparing(DrillStatement::started, Comparator.nullsFirst(Comparator.naturalOrder())))
        .flatMap(r -> r.items().stream().filter(i -> item.equals(i.item())).map(DrillStatement.Item::target)
            .filter(java.util.Objects::nonNull).reduce((a, b) -> b).or(() -> Optional.ofNullable(r.target())))
        .flatMap(DrillService::targetId);
  }

  /** {@code text} as a target id, or empty when it is none (a list, or a location in reports of older builds). */
  private static Optional<TargetId> targetId(String text) {
    try {
      return Optional.of(new TargetId(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static List<DrillStatement> reports(List<EvidenceRecord> envelopes, DrillPlan plan, VerifyingKey key) {
    return envelopes.stream().filter(e -> signedBy(e, key)).flatMap(e -> DrillStatement.parse(e.statement()).stream())
        .filter(s -> plan.id().value().equals(s.plan())).toList();
  }

  private static boolean signedBy(EvidenceRecord rec, VerifyingKey key) {
    try {
      return rec.signer().equals(key.fingerprint())
          && key.verify(rec.statement().getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(rec.signature()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Optional<EvidenceRecord> parseEnvelope(String json) {
    try {
      EvidenceRecord rec = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, EvidenceRecord.class);
      return rec != null && rec.statement() != null && rec.signer() != null && rec.signature() != null
          ? Optional.of(rec) : Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** What a scratch folder must keep clear of: every source, every local target, the config directory. */
  private static List<Path> protectedPaths(Catalogue catalogue) {
    List<Path> paths = new ArrayList<>();
    catalogue.items().forEach(i -> i.sources().forEach(s -> {
      if (s instanceof Source.Files f) {
        paths.add(f.path());
      }
    }));
    catalogue.logSources().forEach(l -> l.paths().forEach(p -> paths.add(Path.of(p.replaceAll("[*?\\[{].*$", "")))));
    catalogue.targets().forEach(t -> {
      if (t instanceof Target.Local l) {
        paths.add(l.path());
      }
    });
    paths.add(catalogue.directory().toAbsolutePath());
    return paths;
  }
}
