package org.kho.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.kho.app.CatalogueService;
import org.kho.app.NotificationService;
import org.kho.app.StatusService;
import org.kho.app.StateAccess;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.InvalidConfigException;
import org.kho.catalogue.Problem;
import org.kho.core.KhoException;
import org.kho.state.StateStore;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running daemon: the catalogue in force, the state, the scheduler and the control socket.
 * {@link #start} returns once everything is scheduled; {@link #awaitStop} blocks until
 * {@link #stop} (SIGTERM) has let running jobs finish and closed everything.
 */
public final class Daemon {
  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
  /** How often overdue items are looked for, to notify. */
  private static final Duration OVERDUE_CHECK = Duration.ofMinutes(5);

  private final Settings settings;
  private final CatalogueService catalogues;
  private final JobContext context;
  private final Scheduler scheduler;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final List<AutoCloseable> closeAtStop = new ArrayList<>();
  private final Object lifecycle = new Object();
  private ControlSocket control;
  private boolean stopping;

  /**
   * How to run.
   *
   * @param node this daemon's name, unique among daemons sharing a database (default: the host name)
   * @param threads how many actions may run at once
   * @param perTarget how many runs may use one target at once
   * @param misfireThreshold how late a run may start before it counts as missed
   * @param metricsPort where to serve Prometheus metrics on 127.0.0.1, if anywhere
   */
  public record Settings(Path config, StateAccess.Options state, String node, int threads, int perTarget,
      Duration misfireThreshold, Optional<Integer> metricsPort, Map<String, String> env, Clock clock, String program) {

    /** The host name, or {@code kho} when it cannot be found. */
    public static String defaultNode() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        return "kho";
      }
    }
  }

  private Daemon(Settings settings, CatalogueService catalogues, JobContext context, Scheduler scheduler) {
    this.settings = settings;
    this.catalogues = catalogues;
    this.context = context;
    this.scheduler = scheduler;
  }

  /** Loads the catalogue, opens the state, schedules every action and starts running them. */
  public static Daemon start(Settings settings) {
    return start(settings, Runners.standard(settings.clock(), settings.program(), settings.env()), RunListener.NONE);
  }

  static Daemon start(Settings settings, Runners runners, RunListener extra) {
    CatalogueService catalogues = new CatalogueService(settings.clock());
    AtomicReference<Catalogue> catalogue = new AtomicReference<>(catalogues.load(settings.config()));
    StateStore state = new StateAccess(settings.env(), settings.clock())
        .open(settings.config(), settings.state(), settings.threads() + 4);
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      Instant startedAt = settings.clock().instant();
      int dead = state.runs().interruptedOn(settings.node(), "the daemon stopped while it ran (crash or power loss)");
      RunListener listener = listeners(settings, catalogue, state, extra, resources);
      JobContext context = new JobContext(catalogue, state, runners,
          new TargetLimits(settings.perTarget()), listener, settings.node(), startedAt, settings.clock(),
          new ConcurrentHashMap<>());
      Scheduler scheduler = Scheduling.create(new Scheduling.Settings(settings.node(), settings.threads(),
          state.location().shared(), state.location().shared(), settings.misfireThreshold()), state.dataSource());
      scheduler.setJobFactory((bundle, s) -> new ActionJob(context));
      Daemon daemon = new Daemon(settings, catalogues, context, scheduler);
      daemon.closeAtStop.addAll(resources);
      Scheduling.Synced synced = Scheduling.sync(scheduler, catalogue.get(), runners);
      report(synced);
      context.missed().putAll(Scheduling.missed(scheduler, startedAt));
      context.missed().forEach((key, due) -> LOG.info("{} was due at {} while no daemon ran: running it now", key, due));
      daemon.control = ControlSocket.open(state.location().directory(), daemon::command);
      scheduler.start();
      state.audit().append(context.actor(), "daemon start", settings.config().toString(), synced.scheduled()
          + synced.unchanged() + " actions scheduled" + (dead > 0 ? "; " + dead + " runs left by a crash" : "")
          + (state.location().shared() ? "; clustered on " + state.location().describe() : ""));
      LOG.info("kho daemon {} running: {} actions scheduled, state in {}", settings.node(),
          synced.scheduled() + synced.unchanged(), state.location().describe());
      return daemon;
    } catch (SchedulerException | IOException | RuntimeException e) {
      resources.forEach(Daemon::closeQuietly);
      state.close();
      if (e instanceof KhoException k) {
        throw k;
      }
      throw new KhoException("the daemon could not start: " + e.getMessage(), "run again with -vv for details", e);
    }
  }

  /** Metrics (when a port is given), notifications, and {@code extra}, told of every run in that order. */
  private static RunListener listeners(Settings settings, AtomicReference<Catalogue> catalogue, StateStore state,
      RunListener extra, List<AutoCloseable> resources) throws IOException {
    List<RunListener> all = new ArrayList<>();
    all.add(extra);
    if (settings.metricsPort().isPresent()) {
      Metrics metrics = Metrics.serve(settings.metricsPort().get());
      resources.add(metrics);
      all.add(metrics);
      LOG.info("metrics on http://127.0.0.1:{}/metrics", metrics.port());
    }
    Notifier notifier = new Notifier(catalogue::get, new NotificationService(settings.env()), settings.node(),
        settings.clock());
    resources.add(notifier);
    all.add(notifier);
    StatusService status = new StatusService(settings.clock());
    notifier.watch(() -> status.status(catalogue.get(), state).items().stream().filter(StatusService.ItemStatus::overdue)
        .map(StatusService.ItemStatus::item).collect(Collectors.toSet()), OVERDUE_CHECK);
    return new Listeners(all);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("while closing: {}", e.toString());
    }
  }

  private static void report(Scheduling.Synced synced) {
    synced.unsupported().forEach(a -> LOG.warn("{} is in the catalogue but this version of Kho cannot run {} "
        + "actions yet: not scheduled", a.key(), a.kind().label()));
  }

  /**
   * Reads the config directory again and brings the schedule in step. A running job finishes with
   * the catalogue it started with. A config with errors changes nothing and is reported.
   */
  public String reload() {
    synchronized (lifecycle) {
      if (stopping) {
        throw new KhoException("the daemon is stopping", "start it again to use the new config");
      }
      Catalogue catalogue = catalogues.load(settings.config());
      try {
        Scheduling.Synced synced = Scheduling.sync(scheduler, catalogue, context.runners());
        context.catalogue().set(catalogue);
        report(synced);
        String summary = synced.scheduled() + " scheduled or changed, " + synced.unchanged() + " unchanged, "
            + synced.removed() + " removed";
        context.state().audit().append(context.actor(), "daemon reload", settings.config().toString(), summary);
        LOG.info("reloaded {}: {}", settings.config(), summary);
        return summary;
      } catch (SchedulerException e) {
        throw new KhoException("the new schedule could not be stored: " + e.getMessage(),
            "check the state database; the daemon keeps running", e);
      }
    }
  }

  /** Handles one control-socket command. */
  private String command(String command) {
    if (!command.equals("reload")) {
      return "error unknown command '" + command + "'";
    }
    try {
      return "ok " + reload();
    } catch (InvalidConfigException e) {
      e.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR)
          .forEach(p -> LOG.error("config: {}", p));
      return "error " + e.getMessage() + "; the daemon keeps the schedule it had";
    } catch (KhoException e) {
      return "error " + e.getMessage();
    }
  }

  /** Sends {@code command} to the daemon using {@code stateDirectory}; returns its one-line answer. */
  public static String send(Path stateDirectory, String command) {
    return ControlSocket.send(stateDirectory, command);
  }

  /**
   * Stops: no new runs start, running ones finish (a backup left to finish leaves its repository
   * consistent; one killed later leaves only data the next run reuses), then everything closes.
   */
  public void stop() {
    synchronized (lifecycle) {
      if (stopping) {
        return;
      }
      stopping = true;
    }
    LOG.info("stopping: waiting for running actions to finish");
    try {
      control.close();
      scheduler.shutdown(true);
      closeAtStop.forEach(Daemon::closeQuietly);
      context.state().audit().append(context.actor(), "daemon stop", settings.config().toString(), "stopped cleanly");
    } catch (SchedulerException | IOException | RuntimeException e) {
      LOG.error("while stopping: {}", e.getMessage());
    } finally {
      context.state().close();
      stopped.countDown();
      LOG.info("stopped");
    }
  }

  /** Blocks until {@link #stop} has finished. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** The state this daemon writes, for tests. */
  StateStore state() {
    return context.state();
  }
}
