package org.kho.daemon;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.Schedule;
import org.kho.plan.Planner;
import org.kho.plan.ScheduledAction;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * The Quartz side: a scheduler on a JDBC job store in the state database (clustered when that
 * database is shared), and the triggers kept in step with the catalogue.
 */
final class Scheduling {
  static final String GROUP = "kho";

  private Scheduling() {}

  /** The scheduler's settings. */
  record Settings(String node, int threads, boolean clustered, boolean postgres, Duration misfireThreshold) {}

  /** A scheduler (not yet started) whose job store lives in {@code db}. */
  static Scheduler create(Settings settings, DataSource db) throws SchedulerException {
    String source = "kho-state-" + settings.node();
    DBConnectionManager.getInstance().addConnectionProvider(source, new Pool(db));
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", "kho");
    p.setProperty("org.quartz.scheduler.instanceId", settings.node());
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threads()));
    p.setProperty("org.quartz.threadPool.threadNamePrefix", "kho-run");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty("org.quartz.jobStore.driverDelegateClass", settings.postgres()
        ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", source);
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(settings.misfireThreshold().toMillis()));
    p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(settings.clustered()));
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
    p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    StdSchedulerFactory factory = new StdSchedulerFactory(p);
    return factory.getScheduler();
  }

  /** What {@link #sync} did. */
  record Synced(int scheduled, int unchanged, int removed, List<ScheduledAction> unsupported) {}

  /**
   * Brings the scheduler's triggers in step with {@code catalogue}: new and changed actions are
   * (re)scheduled, actions gone from the catalogue are removed, unchanged ones keep their trigger
   * (and so their missed runs). Running jobs are not touched.
   */
  static Synced sync(Scheduler scheduler, Catalogue catalogue, Runners runners) throws SchedulerException {
    Planner planner = new Planner(catalogue);
    Map<TriggerKey, ScheduledAction> wanted = new HashMap<>();
    List<ScheduledAction> unsupported = new ArrayList<>();
    for (ScheduledAction action : planner.actions()) {
      if (runners.supports(action.kind())) {
        wanted.put(TriggerKey.triggerKey(action.key(), GROUP), action);
      } else {
        unsupported.add(action);
      }
    }
    int removed = 0;
    for (TriggerKey existing : Set.copyOf(scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP)))) {
      if (!wanted.containsKey(existing)) {
        scheduler.unscheduleJob(existing);
        removed++;
      }
    }
    int scheduled = 0;
    for (Map.Entry<TriggerKey, ScheduledAction> e : wanted.entrySet()) {
      Schedule schedule = planner.schedule(e.getValue());
      Trigger current = scheduler.getTrigger(e.getKey());
      if (current != null && signature(schedule).equals(current.getDescription())) {
        continue;
      }
      scheduler.scheduleJob(job(e.getValue()), Set.of(trigger(e.getKey(), e.getValue(), schedule)), true);
      scheduled++;
    }
    return new Synced(scheduled, wanted.size() - scheduled, removed, unsupported);
  }

  /**
   * The runs that fell due before {@code now} and that the scheduler will fire once it starts (those
   * whose schedule says run-once), by action key: when each was due.
   */
  static Map<String, Instant> missed(Scheduler scheduler, Instant now) throws SchedulerException {
    Map<String, Instant> missed = new HashMap<>();
    for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
      Trigger t = scheduler.getTrigger(key);
      if (t != null && t.getNextFireTime() != null && t.getNextFireTime().toInstant().isBefore(now)
          && t.getMisfireInstruction() == CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW) {
        missed.put(key.getName(), t.getNextFireTime().toInstant());
      }
    }
    return missed;
  }

  static JobDetail job(ScheduledAction action) {
    return JobBuilder.newJob(ActionJob.class)
        .withIdentity(JobKey.jobKey(action.key(), GROUP))
        .withDescription(action.kind().label() + " " + action.subject())
        .usingJobData(ActionJob.ACTION, action.key())
        .requestRecovery(true)
        .build();
  }

  /**
   * A cron trigger in the schedule's zone. Missed runs: {@code run-once} fires once as soon as the
   * daemon is back (Quartz's fire-once-now), {@code skip} waits for the next time (do-nothing).
   */
  static CronTrigger trigger(TriggerKey key, ScheduledAction action, Schedule schedule) {
    CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(schedule.rule().quartzExpression())
        .inTimeZone(TimeZone.getTimeZone(schedule.zone()));
    cron = schedule.missedRuns() == Schedule.MissedRuns.RUN_ONCE
        ? cron.withMisfireHandlingInstructionFireAndProceed() : cron.withMisfireHandlingInstructionDoNothing();
    return TriggerBuilder.newTrigger()
        .withIdentity(key)
        .forJob(JobKey.jobKey(action.key(), GROUP))
        .withDescription(signature(schedule))
        .withSchedule(cron)
        .build();
  }

  /** What makes two triggers the same: the expression, its zone and what to do about missed runs. */
  static String signature(Schedule schedule) {
    return schedule.rule().quartzExpression() + " | " + schedule.zone() + " | " + schedule.missedRuns().label();
  }

  /** Quartz's view of the state database's pool; the pool itself is closed by its owner. */
  private record Pool(DataSource db) implements ConnectionProvider {
    @Override
    public Connection getConnection() throws SQLException {
      return db.getConnection();
    }

    @Override
    public void shutdown() {}

    @Override
    public void initialize() {}
  }
}
