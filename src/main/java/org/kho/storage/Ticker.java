package org.kho.storage;

import java.time.Duration;

/**
 * Time for the decorators that wait: a monotonic reading and a pause. Tests pass a fake that
 * advances when asked to sleep, so nothing really waits.
 */
public interface Ticker {
  /** The real monotonic clock and {@link Thread#sleep}. */
  Ticker SYSTEM = new Ticker() {
    @Override
    public long nanos() {
      return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      Thread.sleep(duration);
    }
  };

  /** Nanoseconds from an arbitrary origin; only differences mean anything. */
  long nanos();

  void sleep(Duration duration) throws InterruptedException;
}
