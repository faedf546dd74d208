package org.kho.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryingStorageTest extends StorageContract {
  private final MemoryStorage memory = new MemoryStorage();
  private final FakeTicker ticker = new FakeTicker();
  private final RetryingStorage.Policy policy = new RetryingStorage.Policy(4, Duration.ofSeconds(1), Duration.ofSeconds(3));

  @Override
  protected Storage newStorage() {
    // 5% faults and ten attempts: an operation fails for good once in 10^13, never in this test
    return new RetryingStorage(new FaultInjectingStorage(memory, 0.05, 42),
        new RetryingStorage.Policy(10, Duration.ofSeconds(1), Duration.ofSeconds(30)), new FakeTicker(), new Random(1));
  }

  /**
   * Through retries, a delete whose first attempt removed the object but lost the answer reports
   * {@code false} on the next attempt: the object is gone either way, which is all that matters to
   * callers (they count removals for messages only).
   */
  @Override
  @Test
  protected void deleteSaysWhetherTheObjectWasThere() {
    byte[] data = randomBytes(100);
    ObjectName name = nameOf(ObjectKind.LOCK, data);
    storage().create(name, data);

    storage().delete(name);

    assertThat(storage().delete(name)).isFalse();
    assertThat(storage().exists(name)).isFalse();
  }

  /** A storage that fails the first {@code failures} calls with {@code failure}, then behaves. */
  private static Storage failingFirst(Storage inner, int failures, StorageException failure) {
    int[] left = {failures};
    return new ForwardingStorage(inner) {
      @Override
      protected <T> T call(Kind kind, ObjectName name, long bytes, Operation<T> op) {
        if (left[0]-- > 0) {
          throw failure;
        }
        return op.run();
      }
    };
  }

  private static TransientStorageException hitch() {
    return new TransientStorageException("connection reset", "", null);
  }

  @Test
  void transientFailuresAreRetriedWithGrowingWaitsUpToTheLimit() {
    byte[] data = randomBytes(10);
    ObjectName name = nameOf(ObjectKind.DATA, data);
    memory.create(name, data);
    RetryingStorage retrying = new RetryingStorage(failingFirst(memory, 3, hitch()), policy, ticker, new Random(7));

    assertThat(retrying.read(name)).isEqualTo(data);
    assertThat(ticker.sleeps).hasSize(3);
    assertThat(ticker.sleeps.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(ticker.sleeps.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(ticker.sleeps.get(2)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(3));
  }

  @Test
  void afterTheLastAttemptTheFailureSaysHowOftenItWasTried() {
    RetryingStorage retrying = new RetryingStorage(failingFirst(memory, 10, hitch()), policy, ticker, new Random(7));

    assertThatThrownBy(() -> retrying.list(ObjectKind.INDEX))
        .isInstanceOf(TransientStorageException.class)
        .hasMessageContaining("connection reset (tried 4 times)");
    assertThat(ticker.sleeps).hasSize(3);
  }

  @Test
  void permanentFailuresAreNotRetried() {
    StorageException full = new StorageFullException("memory", null);
    RetryingStorage retrying = new RetryingStorage(failingFirst(memory, 1, full), policy, ticker, new Random(7));

    assertThatThrownBy(() -> retrying.create(nameOf(ObjectKind.DATA, new byte[1]), new byte[1])).isSameAs(full);
    assertThat(ticker.sleeps).isEmpty();
  }

  @Test
  void aRetriedCreateWhoseFirstAttemptLandedSucceeds() {
    byte[] data = randomBytes(100);
    ObjectName name = nameOf(ObjectKind.DATA, data);
    Storage landsThenFails = new ForwardingStorage(memory) {
      private boolean first = true;

      @Override
      protected <T> T call(Kind kind, ObjectName n, long bytes, Operation<T> op) {
        T result = op.run();
        if (first) {
          first = false;
          throw hitch();
        }
        return result;
      }
    };

    new RetryingStorage(landsThenFails, policy, ticker, new Random(7)).create(name, data);

    assertThat(memory.read(name)).isEqualTo(data);
  }

  @Test
  void aFailedCreateOfConfigIsNeverRepeated() {
    RetryingStorage retrying = new RetryingStorage(failingFirst(memory, 1, hitch()), policy, ticker, new Random(7));

    assertThatThrownBy(() -> retrying.create(ObjectName.CONFIG, new byte[3])).isInstanceOf(TransientStorageException.class);
    assertThat(memory.exists(ObjectName.CONFIG)).isFalse();
    assertThat(ticker.sleeps).isEmpty();
  }

  @Test
  void aCreateOfAnExistingObjectOnTheFirstAttemptIsStillRefused() {
    byte[] data = randomBytes(10);
    ObjectName name = nameOf(ObjectKind.DATA, data);
    memory.create(name, data);
    RetryingStorage retrying = new RetryingStorage(memory, policy, ticker, new Random(7));

    assertThatThrownBy(() -> retrying.create(name, data)).isInstanceOf(ObjectExistsException.class);
  }
}
