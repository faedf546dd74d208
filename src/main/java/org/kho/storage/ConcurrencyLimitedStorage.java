package org.kho.storage;

import java.util.concurrent.Semaphore;

/**
 * Lets at most a given number of operations run on the wrapped target at once; the others wait
 * their turn in order. Keeps a backup's parallel uploads within what a server allows per client.
 */
public final class ConcurrencyLimitedStorage extends ForwardingStorage {
  private final Semaphore permits;
  private final int limit;

  public ConcurrencyLimitedStorage(Storage inner, int limit) {
    super(inner);
    if (limit < 1) {
      throw new IllegalArgumentException("the concurrency limit must be at least 1, not " + limit);
    }
    this.limit = limit;
    this.permits = new Semaphore(limit, true);
  }

  /** How many operations may run at once. */
  public int limit() {
    return limit;
  }

  /** The limit: the wrapped target may serve more at once, but this lets only that many through. */
  @Override
  public int parallelism() {
    return limit;
  }

  @Override
  protected <T> T call(Kind kind, ObjectName name, long bytes, Operation<T> op) {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while waiting for a connection to " + describe(), "run again", e);
    }
    try {
      return op.run();
    } finally {
      permits.release();
    }
  }
}
