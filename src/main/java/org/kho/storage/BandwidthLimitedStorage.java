package org.kho.storage;

import java.time.Duration;

/**
 * Keeps the bytes moved to and from the wrapped target under a rate (a token bucket holding one
 * second's worth): an upload waits before it starts until its bytes fit, a read waits after it
 * returns for the bytes it brought. Shared by every thread, so the limit holds for the whole target.
 */
public final class BandwidthLimitedStorage extends ForwardingStorage {
  private static final double NANOS_PER_SECOND = 1e9;
  private final long bytesPerSecond;
  private final Ticker ticker;
  private double available;
  private long last;

  public BandwidthLimitedStorage(Storage inner, long bytesPerSecond, Ticker ticker) {
    super(inner);
    if (bytesPerSecond < 1) {
      throw new IllegalArgumentException("the bandwidth limit must be at least 1 byte/s, not " + bytesPerSecond);
    }
    this.bytesPerSecond = bytesPerSecond;
    this.ticker = ticker;
    this.available = bytesPerSecond;
    this.last = ticker.nanos();
  }

  /** Dropped: fetching ahead would move bytes outside the limit. */
  @Override
  public void prefetch(ObjectName name) {}

  @Override
  protected <T> T call(Kind kind, ObjectName name, long bytes, Operation<T> op) {
    if (kind == Kind.CREATE) {
      take(bytes);
    }
    T result = op.run();
    if (kind == Kind.READ && result instanceof byte[] read) {
      take(read.length);
    }
    return result;
  }

  /** Takes {@code bytes} tokens, waiting until the bucket has refilled enough to cover them. */
  private void take(long bytes) {
    double debt;
    synchronized (this) {
      long now = ticker.nanos();
      available = Math.min(bytesPerSecond, available + (now - last) / NANOS_PER_SECOND * bytesPerSecond);
      last = now;
      available -= bytes;
      debt = -available;
    }
    if (debt > 0) {
      try {
        ticker.sleep(Duration.ofNanos((long) (debt / bytesPerSecond * NANOS_PER_SECOND)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StorageException("interrupted while keeping to the bandwidth limit of " + describe(), "run again", e);
      }
    }
  }
}
