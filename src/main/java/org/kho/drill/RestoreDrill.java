package org.kho.drill;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.kho.catalogue.DrillPlan;
import org.kho.catalogue.VerifyStep;
import org.kho.core.KhoException;
import org.kho.repository.Repository;
import org.kho.repository.SnapshotRef;
import org.kho.restore.RestoreRequest;
import org.kho.restore.RestoreResult;
import org.kho.restore.RestoreService;

/**
 * Runs one restore drill (see the package description) and returns its statement, unsigned:
 * the caller signs it and stores it. Snapshots, files and steps that fail make the statement
 * FAILED; only a refused scratch folder throws, before anything is restored.
 */
public final class RestoreDrill {
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private final Clock clock;
  private final StepRunner steps;

  public RestoreDrill(Clock clock, StepRunner steps) {
    this.clock = clock;
    this.steps = steps;
  }

  /**
   * One item to drill and where from.
   *
   * @param item the catalogue item; its snapshots are those recording this item
   * @param target the target id the repository is on, for the report
   */
  public record Source(String item, String target, Repository repo) {}

  /**
   * What to drill.
   *
   * @param protectedPaths sources, targets and other folders the scratch folder must keep clear of
   * @param operator who runs the drill, if named
   * @param witness who watches it, if named
   */
  public record Request(DrillPlan plan, List<Source> sources, Slice slice, Collection<Path> protectedPaths,
      String host, String operator, String witness) {
    public Request {
      sources = List.copyOf(sources);
      protectedPaths = List.copyOf(protectedPaths);
    }
  }

  /** The report id of a drill of {@code plan} started at {@code started}. */
  public static String reportId(String plan, Instant started) {
    return plan + "-" + ID_TIME.format(started);
  }

  public DrillStatement run(Request request, DrillProgress progress) {
    DrillPlan plan = request.plan();
    Instant started = clock.instant();
    Random random = new Random(request.slice().seed());
    List<DrillStatement.Item> items = new ArrayList<>();
    List<Verdict.Failure> failures = new ArrayList<>();
    List<DrillStatement.Command> commands = new ArrayList<>();
    Instant oldest = null;
    long begun = clock.millis();
    try (Scratch scratch = Scratch.prepare(plan.scratch(), request.protectedPaths())) {
      for (Source source : request.sources()) {
        boolean copies = request.sources().stream().filter(s -> s.item().equals(source.item())).count() > 1;
        // an item drilled from several targets is restored into one folder per target
        Path into = copies ? scratch.dir().resolve(source.item() + "@" + source.target()) : scratch.dir().resolve(source.item());
        ItemDrill drilled = new ItemDrill(source, plan, request.slice(), progress);
        SnapshotRef snapshot = drilled.choose(random, failures);
        if (snapshot == null) {
          continue;
        }
        oldest = oldest == null || snapshot.snapshot().time().isBefore(oldest) ? snapshot.snapshot().time() : oldest;
        items.add(drilled.restore(snapshot, into, failures));
        String label = request.sources().size() == 1 ? "" : copies ? " (" + source.item() + " from " + source.target() + ")"
            : " (" + source.item() + ")";
        runSteps(plan, source, into, label, progress, commands);
      }
    }
    Duration restoring = Duration.ofMillis(clock.millis() - begun);
    Instant finished = clock.instant();
    var rto = DrillStatement.Objective.of(plan.rto(), restoring);
    var rpo = DrillStatement.Objective.of(plan.rpo(),
        Duration.ofSeconds(oldest == null ? 0 : Math.max(0, Duration.between(oldest, started).toSeconds())));
    Verdict verdict = Verdict.of(failures, commands, rto, rpo);
    return new DrillStatement(DrillStatement.TYPE, reportId(plan.id().value(), started),
        joined(request.sources(), s -> s.repo().config().id()), joined(request.sources(), Source::target),
        plan.id().value(), plan.description(), request.host(), request.operator(), request.witness(), started,
        finished, verdict.outcome(), verdict.reasons(), verdict.corrective(), request.slice().seed(),
        new DrillStatement.SliceRef(request.slice().index(), request.slice().count()), items, rto, rpo, commands);
  }

  /** Runs the plan's steps on one restored item; {@code label} tells them apart when the drill has several. */
  private void runSteps(DrillPlan plan, Source source, Path restored, String label, DrillProgress progress,
      List<DrillStatement.Command> commands) {
    Map<String, String> env = new HashMap<>();
    env.put("KHO_RESTORED", restored.toString());
    env.put("KHO_DRILL_PLAN", plan.id().value());
    env.put("KHO_DRILL_ITEM", source.item());
    env.put("KHO_DRILL_TARGET", source.target());
    for (VerifyStep step : plan.verify()) {
      progress.stage("verifying " + source.item() + ": " + step.name());
      DrillStatement.Command c = steps.run(step, restored, env);
      commands.add(label.isEmpty() ? c : new DrillStatement.Command(c.name() + label, c.command(), c.exit(),
          c.seconds(), c.passed(), c.output()));
    }
  }

  private static String joined(List<Source> sources, java.util.function.Function<Source, String> field) {
    LinkedHashSet<String> values = new LinkedHashSet<>();
    sources.forEach(s -> values.add(field.apply(s)));
    return String.join(",", values);
  }

  /** One item of a drill: its snapshot chosen, its slice restored and compared. */
  private static final class ItemDrill {
    private final Source source;
    private final DrillPlan plan;
    private final Slice slice;
    private final DrillProgress progress;
    /** Restored on every drill: the plan's list and the dumps its postgres steps read. */
    private final List<String> always = new ArrayList<>();

    ItemDrill(Source source, DrillPlan plan, Slice slice, DrillProgress progress) {
      this.source = source;
      this.plan = plan;
      this.slice = slice;
      this.progress = progress;
      always.addAll(plan.alwaysInclude());
      plan.verify().stream().filter(VerifyStep.Postgres.class::isInstance).map(s -> ((VerifyStep.Postgres) s).dump())
          .forEach(d -> always.add(d.startsWith("/") ? d : "/" + d));
    }

    /** The snapshot the plan asks for among the item's kept ones, or null (and a failure) when there is none. */
    SnapshotRef choose(Random random, List<Verdict.Failure> failures) {
      List<String> damaged = new ArrayList<>();
      List<SnapshotRef> kept;
      try {
        kept = source.repo().snapshots(damaged).stream().filter(s -> source.item().equals(s.snapshot().item())).toList();
      } catch (KhoException e) {
        failures.add(unreadable(e.getMessage()));
        return null;
      }
      if (kept.isEmpty()) {
        failures.add(damaged.isEmpty()
            ? new Verdict.Failure("item " + source.item() + " has no snapshot in target " + source.target(),
                "back up item " + source.item() + " into target " + source.target() + " (kho backup --config DIR "
                    + source.item() + ")")
            : unreadable(String.join("; ", damaged)));
        return null;
      }
      return switch (plan.snapshot()) {
        case LATEST -> kept.getLast();
        case OLDEST -> kept.getFirst();
        case RANDOM -> kept.get(random.nextInt(kept.size()));
      };
    }

    private Verdict.Failure unreadable(String why) {
      return new Verdict.Failure("the snapshots of item " + source.item() + " in target " + source.target()
          + " cannot be read: " + why, "run 'kho check --read-data' on target " + source.target()
          + " and restore the repository from another copy");
    }

    DrillStatement.Item restore(SnapshotRef snapshot, Path into, List<Verdict.Failure> failures) {
      progress.stage("restoring " + source.item() + " from snapshot " + snapshot.shortId() + " (" + source.target() + ")");
      Map<String, String> failed = new HashMap<>();
      List<String> damaged = new ArrayList<>();
      try {
        RestoreResult r = new RestoreService(source.repo()).run(new RestoreRequest(snapshot.id(), into, List.of(), true,
            path -> slice.selects(path, always)), progress);
        r.failures().forEach(f -> failed.put(f.path(), f.what()));
      } catch (KhoException e) {
        failures.add(new Verdict.Failure("restoring item " + source.item() + " from snapshot " + snapshot.shortId()
            + " failed: " + e.getMessage(), "run 'kho check --read-data' on target " + source.target()
            + "; if it finds damage, restore from another copy and back the item up again"));
        return item(snapshot, 0, 0, new Tally(), List.of());
      }
      SnapshotFiles all;
      try {
        all = SnapshotFiles.of(source.repo(), snapshot.snapshot().tree());
      } catch (KhoException e) {
        damaged.add("/: the snapshot's root folder listing cannot be read (" + e.getMessage() + ")");
        failures.add(damagedFailure(snapshot, 1));
        return item(snapshot, 0, 0, new Tally(), damaged);
      }
      Tally tally = compare(all, into, failed, damaged);
      damaged.addAll(all.unreadable);
      failed.forEach((path, what) -> damaged.add(path + ": " + what)); // entries other than the files counted
      if (!damaged.isEmpty()) {
        failures.add(damagedFailure(snapshot, damaged.size()));
      }
      return item(snapshot, all.files.size(), all.bytes(), tally, damaged);
    }

    /** Compares every sampled file; removes from {@code failed} the restore failures it reports. */
    private Tally compare(SnapshotFiles all, Path into, Map<String, String> failed, List<String> damaged) {
      Tally t = new Tally();
      for (SnapshotFiles.Entry e : all.files) {
        if (!slice.selects(e.path(), always)) {
          continue;
        }
        String failure = failed.remove(e.path());
        if (failure != null) {
          damaged.add(e.path() + ": " + failure);
          continue;
        }
        t.restored(e.node().size());
        var wrong = FileCheck.mismatch(into.resolve(e.path().substring(1)), e.node());
        if (wrong.isPresent()) {
          damaged.add(e.path() + ": " + wrong.get());
        } else {
          t.verified(e.node().size());
        }
      }
      return t;
    }

    private Verdict.Failure damagedFailure(SnapshotRef snapshot, int count) {
      return new Verdict.Failure(count + (count == 1 ? " file" : " files") + " of item " + source.item() + " (snapshot "
          + snapshot.shortId() + " in target " + source.target() + ") did not restore as recorded; they are listed in the report",
          "run 'kho check --read-data' on target " + source.target() + ", restore the damaged files from another copy, "
              + "and back up item " + source.item() + " again");
    }

    private DrillStatement.Item item(SnapshotRef snapshot, long files, long bytes, Tally t, List<String> damaged) {
      return new DrillStatement.Item(source.item(), source.repo().config().id(), source.target(), snapshot.id(),
          snapshot.snapshot().time(),
          plan.snapshot().label(), files, bytes, t.filesRestored, t.bytesRestored, t.filesVerified, t.bytesVerified,
          damaged);
    }
  }

  /** Files and bytes restored and verified. */
  private static final class Tally {
    long filesRestored;
    long bytesRestored;
    long filesVerified;
    long bytesVerified;

    void restored(long bytes) {
      filesRestored++;
      bytesRestored += bytes;
    }

    void verified(long bytes) {
      filesVerified++;
      bytesVerified += bytes;
    }
  }
}
