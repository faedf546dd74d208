package org.kho.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A pack buffer reaches the target through every decorator as the same array, never copied: a
 * copy of each 16 MiB pack on its way to a remote target was part of the heap an SFTP backup ran
 * out of at the launcher's 160 MiB (issue 4).
 */
class DecoratorBuffersTest {
  @Test
  void partOfABufferReachesTheTargetAsTheSameArrayThroughRetryConnectionAndBandwidthLimits() {
    Recording target = new Recording(new MemoryStorage());
    Storage decorated = new RetryingStorage(
        new ConcurrencyLimitedStorage(new BandwidthLimitedStorage(target, 1L << 40, new FakeTicker()), 4),
        RetryingStorage.Policy.defaults(), new FakeTicker(), new Random(1));
    byte[] pack = new byte[1 << 20];
    new Random(2).nextBytes(pack);
    ObjectName name = ObjectName.of(ObjectKind.DATA, "ab" + "0".repeat(62));

    decorated.create(name, pack, 1000);

    assertThat(target.received).isSameAs(pack);
    assertThat(decorated.read(name)).isEqualTo(Arrays.copyOf(pack, 1000));
  }

  @Test
  void decoratorsReportTheConnectionLimitAsTheTargetsParallelism() {
    Storage decorated = new RetryingStorage(new ConcurrencyLimitedStorage(new MemoryStorage(), 3),
        RetryingStorage.Policy.defaults(), new FakeTicker(), new Random(1));

    assertThat(decorated.parallelism()).isEqualTo(3);
    assertThat(new MemoryStorage().parallelism()).isEqualTo(1);
  }

  @Test
  void decoratorsTakeWholeObjectsOnlySoTheirConcernCoversEveryByte() {
    Storage decorated = new RetryingStorage(
        new ConcurrencyLimitedStorage(new BandwidthLimitedStorage(new MemoryStorage(), 1L << 40, new FakeTicker()), 4),
        RetryingStorage.Policy.defaults(), new FakeTicker(), new Random(1));

    assertThat(new MemoryStorage().upload(ObjectKind.DATA)).isPresent();
    assertThat(decorated.upload(ObjectKind.DATA)).isEmpty();
  }

  /** Remembers the array the last create of part of a buffer was given. */
  private static final class Recording extends ForwardingStorage {
    volatile byte[] received;

    Recording(Storage inner) {
      super(inner);
    }

    @Override
    public void create(ObjectName name, byte[] data, int length) {
      received = data;
      super.create(name, data, length);
    }
  }
}
