package org.kho.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Ticker} whose time moves only when someone sleeps; it records every sleep. */
final class FakeTicker implements Ticker {
  private long now;
  final List<Duration> sleeps = new ArrayList<>();

  @Override
  public synchronized long nanos() {
    return now;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    now += duration.toNanos();
  }

  synchronized Duration slept() {
    return Duration.ofNanos(sleeps.stream().mapToLong(Duration::toNanos).sum());
  }
}
