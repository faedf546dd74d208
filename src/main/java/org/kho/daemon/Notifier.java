package org.kho.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.kho.app.NotificationService;
import org.kho.app.NotificationService.Event;
import org.kho.app.NotificationService.Kind;
import org.kho.catalogue.Catalogue;
import org.kho.state.Run;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns runs and overdue items into notifications, gathered into digests: at most one message per
 * digest period, the first one a short while after the first event, so a burst of failures makes
 * one message. A failed run, an item gone overdue, and either one put right are events; a run that
 * fails again while already failing is not news. A timer thread sleeps while nothing is pending.
 */
final class Notifier implements RunListener, AutoCloseable {
  static final int MAX_EVENTS = 50;
  private static final Duration MAX_GATHER = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private final Supplier<Catalogue> catalogue;
  private final NotificationService service;
  private final String node;
  private final Clock clock;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().name("kho-notify").daemon().factory());
  private final Map<String, Boolean> failing = new ConcurrentHashMap<>();
  private final Set<String> overdue = new HashSet<>();
  private final List<Event> pending = new ArrayList<>();
  private int omitted;
  private boolean flushScheduled;
  private Instant lastSent = Instant.EPOCH;

  Notifier(Supplier<Catalogue> catalogue, NotificationService service, String node, Clock clock) {
    this.catalogue = catalogue;
    this.service = service;
    this.node = node;
    this.clock = clock;
  }

  @Override
  public void finished(Run run) {
    String key = run.action() + ":" + run.subject();
    boolean failed = run.outcome() == Run.Outcome.FAILED || run.outcome() == Run.Outcome.INTERRUPTED;
    Boolean wasFailing = failing.put(key, failed);
    if (failed && !Boolean.TRUE.equals(wasFailing)) {
      add(new Event(Kind.FAILED, run.action(), run.subject(), clock.instant(), run.error()));
    } else if (!failed && Boolean.TRUE.equals(wasFailing)) {
      add(new Event(Kind.REPAIRED, run.action(), run.subject(), clock.instant(), run.outcome().label() + " again"));
    }
  }

  /** Compares the items overdue now with those overdue before: new ones and repaired ones are events. */
  synchronized void overdue(Set<String> items) {
    for (String item : items) {
      if (overdue.add(item)) {
        add(new Event(Kind.OVERDUE, "backup", item, clock.instant(), "no successful backup within its schedule"));
      }
    }
    for (String item : Set.copyOf(overdue)) {
      if (!items.contains(item)) {
        overdue.remove(item);
        add(new Event(Kind.REPAIRED, "backup", item, clock.instant(), "backed up again, no longer overdue"));
      }
    }
  }

  /** Runs {@code check} every {@code every} (first after {@code every}), feeding its answer to {@link #overdue}. */
  void watch(Supplier<Set<String>> check, Duration every) {
    timer.scheduleWithFixedDelay(() -> {
      try {
        overdue(check.get());
      } catch (RuntimeException e) {
        LOG.warn("overdue check failed: {}", e.getMessage());
      }
    }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void add(Event event) {
    if (catalogue.get().notifications().email().isEmpty() && catalogue.get().notifications().webhook().isEmpty()) {
      return;
    }
    if (pending.size() < MAX_EVENTS) {
      pending.add(event);
    } else {
      omitted++;
    }
    if (!flushScheduled) {
      flushScheduled = true;
      Duration digest = catalogue.get().notifications().digest();
      Duration gather = digest.compareTo(MAX_GATHER) < 0 ? digest : MAX_GATHER;
      Instant now = clock.instant();
      Instant at = later(now.plus(gather), lastSent.plus(digest));
      timer.schedule(this::flush, Duration.between(now, at).toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void flush() {
    NotificationService.Digest digest;
    synchronized (this) {
      digest = new NotificationService.Digest(catalogue.get().agency().name(), node, pending, omitted);
      pending.clear();
      omitted = 0;
      flushScheduled = false;
      lastSent = clock.instant();
    }
    List<String> failures = service.send(catalogue.get().notifications(), digest);
    failures.forEach(f -> LOG.error("notification not sent: {}", f));
    if (failures.isEmpty()) {
      LOG.info("notification sent: {}", digest.subject());
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** Sends what is pending, then stops the timer. */
  @Override
  public void close() {
    timer.shutdownNow();
    boolean any;
    synchronized (this) {
      any = !pending.isEmpty();
    }
    if (any) {
      flush();
    }
  }
}
