package org.kho.storage;

import java.time.Duration;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries an operation again when it fails with a {@link TransientStorageException}, waiting longer
 * each time (exponential backoff with jitter, so many clients do not retry in step). Permanent
 * failures pass through at once.
 *
 * <p>Only operations that are safe to repeat are repeated. Reads, queries and deletes are. A
 * create is safe for every object but config: they are named by the hash of their bytes, so if a
 * retried create finds its name taken, the earlier attempt (or another writer) stored the very same
 * bytes, and the create has succeeded. A failed create of config is never repeated.
 */
public final class RetryingStorage extends ForwardingStorage {
  private static final Logger LOG = LoggerFactory.getLogger(RetryingStorage.class);
  private final Policy policy;
  private final Ticker ticker;
  private final Random jitter;

  /**
   * How often and how patiently to try: {@code attempts} in all, the first wait about
   * {@code firstWait}, each next one doubled, never more than {@code maxWait}.
   */
  public record Policy(int attempts, Duration firstWait, Duration maxWait) {
    public Policy {
      if (attempts < 1 || firstWait.isNegative() || maxWait.compareTo(firstWait) < 0) {
        throw new IllegalArgumentException("attempts must be at least 1 and 0 <= firstWait <= maxWait");
      }
    }

    /** Six attempts over about a minute: rides out a restarting server or a dropped link. */
    public static Policy defaults() {
      return new Policy(6, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }
  }

  public RetryingStorage(Storage inner, Policy policy, Ticker ticker, Random jitter) {
    super(inner);
    this.policy = policy;
    this.ticker = ticker;
    this.jitter = jitter;
  }

  @Override
  protected <T> T call(Kind kind, ObjectName name, long bytes, Operation<T> op) {
    for (int attempt = 1; ; attempt++) {
      try {
        return op.run();
      } catch (ObjectExistsException e) {
        if (kind == Kind.CREATE && attempt > 1 && name.kind() != ObjectKind.CONFIG) {
          return null; // an earlier attempt stored these bytes
        }
        throw e;
      } catch (TransientStorageException e) {
        if (attempt >= policy.attempts() || (kind == Kind.CREATE && name.kind() == ObjectKind.CONFIG)) {
          throw attempt == 1 ? e : new TransientStorageException(e.getMessage() + " (tried " + attempt + " times)",
              e.hint(), e);
        }
        Duration wait = backoff(attempt);
        LOG.warn("{}: {}; trying again in {} ms (attempt {} of {})", describe(), e.getMessage(), wait.toMillis(),
            attempt + 1, policy.attempts());
        pause(wait, e);
      }
    }
  }

  /** Half the doubled wait for {@code attempt}, plus a random part of the other half. */
  Duration backoff(int attempt) {
    long first = policy.firstWait().toNanos();
    long doubled = first << Math.min(attempt - 1, 30);
    long base = doubled < first ? policy.maxWait().toNanos() : Math.min(policy.maxWait().toNanos(), doubled);
    long random;
    synchronized (jitter) {
      random = base / 2 == 0 ? 0 : jitter.nextLong(base / 2 + 1);
    }
    return Duration.ofNanos(base - base / 2 + random);
  }

  private void pause(Duration wait, TransientStorageException cause) {
    try {
      ticker.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cause;
    }
  }
}
