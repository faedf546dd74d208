package org.kho.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BandwidthLimitedStorageTest extends StorageContract {
  private final FakeTicker ticker = new FakeTicker();

  @Override
  protected Storage newStorage() {
    return new BandwidthLimitedStorage(new MemoryStorage(), 1 << 30, new FakeTicker());
  }

  @Test
  void uploadsWaitSoThatTheAverageRateStaysAtTheLimit() {
    BandwidthLimitedStorage limited = new BandwidthLimitedStorage(new MemoryStorage(), 1_000_000, ticker);

    for (int i = 0; i < 10; i++) {
      byte[] data = randomBytes(500_000);
      limited.create(nameOf(ObjectKind.DATA, data), data);
    }

    // 5 MB at 1 MB/s, the first second's worth free (the bucket starts full)
    assertThat(ticker.slept()).isBetween(Duration.ofMillis(3990), Duration.ofMillis(4010));
  }

  @Test
  void readsAreChargedForTheBytesTheyBrought() {
    MemoryStorage memory = new MemoryStorage();
    byte[] data = randomBytes(3_000_000);
    ObjectName name = nameOf(ObjectKind.DATA, data);
    memory.create(name, data);
    BandwidthLimitedStorage limited = new BandwidthLimitedStorage(memory, 1_000_000, ticker);

    limited.read(name);
    limited.read(name, 0, 1_000_000);

    assertThat(ticker.slept()).isBetween(Duration.ofMillis(2990), Duration.ofMillis(3010));
  }

  @Test
  void smallOperationsWithinTheBurstDoNotWait() {
    BandwidthLimitedStorage limited = new BandwidthLimitedStorage(new MemoryStorage(), 1_000_000, ticker);

    limited.list(ObjectKind.DATA);
    byte[] data = randomBytes(1000);
    limited.create(nameOf(ObjectKind.DATA, data), data);

    assertThat(ticker.sleeps).isEmpty();
  }
}
