package org.kho.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kho.daemon.Daemon;
import org.kho.daemon.Signals;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kho daemon}: runs every catalogue action on its schedule until stopped. */
@Command(name = "daemon", mixinStandardHelpOptions = true,
    description = {"Run every action of the catalogue on its schedule: backups, target checks, target prunes (forget per "
        + "the items' retention, then prune) and log archives (closed months; originals are kept). Restore drills "
        + "are not run yet.",
        "Runs missed while no daemon ran are run at start-up (schedules with missedRuns: run-once). An action never "
            + "runs twice at once; --per-target limits the runs using one target at once.",
        "Reload the config with SIGHUP or 'kho reload'; SIGTERM lets running actions finish, then stops.",
        "Several daemons given the same PostgreSQL --state-url share the work: each action runs once, and when a "
            + "daemon dies another picks up its work.",
        "Logs go to standard error (journald under systemd)."})
final class DaemonCommand implements Callable<Integer> {
  private final Clock clock;
  @Mixin
  private ConfigOption config;
  @Mixin
  private StateOptions state;
  @Option(names = "--node", paramLabel = "NAME", description = "This daemon's name, unique among daemons sharing a "
      + "database. Default: the host name.")
  private String node;
  @Option(names = "--threads", paramLabel = "N", defaultValue = "4", description = "Actions that may run at once "
      + "(default ${DEFAULT-VALUE}).")
  private int threads;
  @Option(names = "--per-target", paramLabel = "N", defaultValue = "1", description = "Runs that may use one target "
      + "at once (default ${DEFAULT-VALUE}).")
  private int perTarget;
  @Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve Prometheus metrics on "
      + "http://127.0.0.1:PORT/metrics.")
  private Integer metricsPort;

  DaemonCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (threads < 1 || perTarget < 1) {
      throw new org.kho.core.UsageException("--threads and --per-target take a number from 1", "e.g. --threads 4");
    }
    Logger kho = (Logger) LoggerFactory.getLogger("org.kho");
    if (!kho.isInfoEnabled()) {
      kho.setLevel(Level.INFO);
    }
    Daemon daemon = Daemon.start(new Daemon.Settings(config.dir(), state.options(),
        node != null ? node : Daemon.Settings.defaultNode(), threads, perTarget, Duration.ofMinutes(1),
        Optional.ofNullable(metricsPort), System.getenv(), clock, "kho " + VersionProvider.version()));
    Signals.install(daemon);
    daemon.awaitStop();
    return ExitCodes.OK;
  }
}
