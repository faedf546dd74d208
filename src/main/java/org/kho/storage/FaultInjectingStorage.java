package org.kho.storage;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For tests: fails a fraction of operations at random with a {@link TransientStorageException},
 * as a flaky network would. A failed read or query does nothing; a failed create or delete is,
 * at random, either not done at all or done with its answer lost (the hardest case for a retry).
 * The same seed gives the same sequence of faults for the same sequence of calls.
 */
public final class FaultInjectingStorage extends ForwardingStorage {
  private final double fraction;
  private final Random random;
  private final AtomicLong injected = new AtomicLong();

  public FaultInjectingStorage(Storage inner, double fraction, long seed) {
    super(inner);
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("the fraction of failures must be between 0 and 1, not " + fraction);
    }
    this.fraction = fraction;
    this.random = new Random(seed);
  }

  /** How many faults were injected so far. */
  public long injected() {
    return injected.get();
  }

  @Override
  protected <T> T call(Kind kind, ObjectName name, long bytes, Operation<T> op) {
    boolean fail;
    boolean afterwards;
    synchronized (random) {
      fail = random.nextDouble() < fraction;
      afterwards = random.nextBoolean();
    }
    if (!fail) {
      return op.run();
    }
    injected.incrementAndGet();
    boolean changes = kind == Kind.CREATE || kind == Kind.DELETE;
    if (changes && afterwards) {
      op.run();
    }
    throw new TransientStorageException("injected fault: " + kind.name().toLowerCase(java.util.Locale.ROOT) + " "
        + (name == null ? "listing" : name) + " on " + describe() + (changes && afterwards ? " (done, answer lost)" : ""),
        "this target fails on purpose (a test)", null);
  }
}
