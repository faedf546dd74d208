package org.kho.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.plan.PlannedAction.Kind;
import org.kho.state.Run;

/** The daemon in this JVM, on an embedded state database, with cheap actions in place of real backups. */
class DaemonTest {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  /** A backup runner that counts its runs per item and the most that ran at once. */
  private static final class Counting implements ActionRunner {
    final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    volatile CountDownLatch gate = new CountDownLatch(0);

    @Override
    public Result run(org.kho.catalogue.Catalogue catalogue, org.kho.plan.ScheduledAction action) {
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        running.decrementAndGet();
      }
      runs.computeIfAbsent(action.subject(), k -> new AtomicInteger()).incrementAndGet();
      return new Result(new Run.End(Run.Outcome.SUCCEEDED, new Run.Figures(1, 10, 5), "ok", ""),
          List.of(new Evidence("snapshot", "disk", "snap-" + action.subject(), true)));
    }

    int total() {
      return runs.values().stream().mapToInt(AtomicInteger::get).sum();
    }
  }

  /** A daemon started again, and when. */
  private record Restarted(Daemon daemon, Instant at) {
    /** Its backup runs of item1 that started after the restart. */
    List<Run> runsSince() {
      return daemon.state().runs().recent("backup", "item1", 100).stream().filter(r -> r.startedAt().isAfter(at)).toList();
    }
  }

  /**
   * Runs a daemon on an every-2-seconds schedule with {@code missedRuns} until its first run, stops
   * it, lets two due times pass with no daemon, and starts another.
   */
  private Restarted restartAfterAGap(String missedRuns) throws Exception {
    Path config = TestConfig.write(dir, 1, "every 2 seconds", missedRuns);
    Counting runner = new Counting();
    Daemon first = start(runner, config, Duration.ofMillis(200));
    waitFor(() -> runner.total() >= 1);
    first.stop();
    Thread.sleep(4500);
    Instant restart = Instant.now();
    return new Restarted(start(runner, config, Duration.ofMillis(200)), restart);
  }

  private Daemon start(Counting runner, Path config, Duration misfireThreshold) {
    return Daemon.start(TestConfig.settings(config, "test-node", misfireThreshold),
        new Runners(Map.of(Kind.BACKUP, runner)), RunListener.NONE);
  }

  @Test
  void runsEachActionOnItsScheduleAndRecordsRunEvidenceAndAudit() throws Exception {
    Path config = TestConfig.write(dir, 2, "every 1 second", "run-once");
    Counting runner = new Counting();
    Daemon daemon = start(runner, config, Duration.ofMinutes(1));
    try {
      waitFor(() -> runner.runs.getOrDefault("item1", new AtomicInteger()).get() >= 3
          && runner.runs.getOrDefault("item2", new AtomicInteger()).get() >= 3);
      Run last = daemon.state().runs().last("backup", "item1", Run.Outcome.SUCCEEDED).orElseThrow();
      assertThat(last.cause()).isEqualTo(Run.Cause.SCHEDULED);
      assertThat(last.node()).isEqualTo("test-node");
      assertThat(last.figures()).isEqualTo(new Run.Figures(1, 10, 5));
      assertThat(daemon.state().evidence().about("item1", 1)).extracting(e -> e.reference()).containsExactly("snap-item1");
      assertThat(daemon.state().audit().recent(100)).extracting(e -> e.action()).contains("daemon start", "backup");
      assertThat(daemon.state().audit().verify().intact()).isTrue();
    } finally {
      daemon.stop();
    }
  }

  @Test
  void aRunMissedWhileNoDaemonRanIsCaughtUpOnceAtStartUp() throws Exception {
    Restarted second = restartAfterAGap("run-once");
    Instant restart = second.at();
    try {
      waitFor(() -> !second.runsSince().isEmpty());
      List<Run> after = second.runsSince();
      Run caughtUp = after.getLast();
      assertThat(caughtUp.cause()).isEqualTo(Run.Cause.CATCH_UP);
      assertThat(caughtUp.scheduledFor().orElseThrow()).isBefore(restart);
      assertThat(after.stream().filter(r -> r.cause() == Run.Cause.CATCH_UP)).hasSize(1);
    } finally {
      second.daemon().stop();
    }
  }

  @Test
  void aScheduleThatSkipsMissedRunsWaitsForItsNextTime() throws Exception {
    Restarted second = restartAfterAGap("skip");
    Instant restart = second.at();
    try {
      waitFor(() -> second.daemon().state().runs().recent("backup", "item1", 1).getFirst().startedAt().isAfter(restart));
      Run next = second.daemon().state().runs().recent("backup", "item1", 1).getFirst();
      assertThat(next.cause()).isEqualTo(Run.Cause.SCHEDULED);
      assertThat(next.scheduledFor().orElseThrow()).isAfterOrEqualTo(restart.minusMillis(1));
    } finally {
      second.daemon().stop();
    }
  }

  @Test
  void anItemNeverRunsTwiceAtOnceAndATargetTakesOneRunAtATime() throws Exception {
    Path config = TestConfig.write(dir, 3, "every 1 second", "run-once");
    Counting runner = new Counting();
    runner.gate = new CountDownLatch(1);
    Daemon daemon = start(runner, config, Duration.ofMinutes(1));
    try {
      waitFor(() -> runner.running.get() >= 1);
      Thread.sleep(2500);
      runner.gate.countDown();
      waitFor(() -> runner.total() >= 6);
    } finally {
      daemon.stop();
    }
    assertThat(runner.mostAtOnce.get()).as("runs at once on the one target").isEqualTo(1);
  }

  @Test
  void reloadRemovesAnActionWithoutDroppingItsRunningJob() throws Exception {
    Path config = TestConfig.write(dir, 2, "every 1 second", "run-once");
    Counting runner = new Counting();
    runner.gate = new CountDownLatch(1);
    Daemon daemon = start(runner, config, Duration.ofMinutes(1));
    try {
      waitFor(() -> runner.running.get() >= 1);
      TestConfig.write(dir, 1, "every 1 second", "run-once");
      assertThat(daemon.reload()).contains("1 removed");
      runner.gate.countDown();
      waitFor(() -> runner.total() >= 3);
      assertThat(daemon.state().runs().recent("backup", "item1", 100).stream()
          .filter(r -> r.outcome() == Run.Outcome.RUNNING && r.startedAt().isBefore(Instant.now().minusSeconds(5))))
          .isEmpty();
      assertThat(daemon.state().audit().recent(100)).extracting(e -> e.action()).contains("daemon reload");
    } finally {
      daemon.stop();
    }
  }

  @Test
  void aBrokenConfigOnReloadKeepsTheScheduleItHad() throws Exception {
    Path config = TestConfig.write(dir, 1, "every 1 second", "run-once");
    Counting runner = new Counting();
    Daemon daemon = start(runner, config, Duration.ofMinutes(1));
    try {
      Files.writeString(config.resolve("catalogue.yaml"), "items: [");
      assertThat(Daemon.send(config.resolve("state"), "reload")).startsWith("error ").contains("config directory");
      int before = runner.total();
      waitFor(() -> runner.total() > before);
    } finally {
      daemon.stop();
    }
  }

  @Test
  void stopLetsARunningActionFinish() throws Exception {
    Path config = TestConfig.write(dir, 1, "every 1 second", "run-once");
    Counting runner = new Counting();
    runner.gate = new CountDownLatch(1);
    Daemon daemon = start(runner, config, Duration.ofMinutes(1));
    waitFor(() -> runner.running.get() >= 1);
    Thread stopper = Thread.ofPlatform().start(daemon::stop);
    Thread.sleep(500);
    runner.gate.countDown();
    stopper.join();
    daemon.awaitStop();
    assertThat(runner.total()).isEqualTo(1);
    try (var state = org.kho.state.StateStore.open(org.kho.state.StateLocation.embedded(config.resolve("state")), 1,
        java.time.Clock.systemUTC())) {
      assertThat(state.runs().recent("backup", "item1", 10)).extracting(Run::outcome)
          .containsExactly(Run.Outcome.SUCCEEDED);
      assertThat(state.audit().recent(1).getFirst().action()).isEqualTo("daemon stop");
    }
  }

  @Test
  void theHeapStaysBoundedOverAThousandRuns() throws Exception {
    Path config = TestConfig.write(dir, 50, "every 1 second", "run-once");
    Counting runner = new Counting();
    Daemon daemon = Daemon.start(new Daemon.Settings(config, org.kho.app.StateAccess.Options.DEFAULT, "heap", 4, 50,
        Duration.ofMinutes(1), java.util.Optional.empty(), Map.of(), java.time.Clock.systemUTC(), "kho test"),
        new Runners(Map.of(Kind.BACKUP, runner)), RunListener.NONE);
    try {
      waitFor(() -> runner.total() >= 200);
      long early = usedHeapAfterGc();
      waitFor(() -> runner.total() >= 1000);
      long late = usedHeapAfterGc();
      System.out.printf("daemon heap after GC: %.1f MiB at 200 runs, %.1f MiB at %d runs%n", early / 1048576.0,
          late / 1048576.0, runner.total());
      assertThat(late - early).as("heap growth from 200 to 1000 runs, bytes").isLessThan(16L << 20);
    } finally {
      daemon.stop();
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met within %s", PATIENCE).isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }
}
