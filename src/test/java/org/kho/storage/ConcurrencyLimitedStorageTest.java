package org.kho.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitedStorageTest extends StorageContract {
  @Override
  protected Storage newStorage() {
    return new ConcurrencyLimitedStorage(new MemoryStorage(), 3);
  }

  @Test
  void neverRunsMoreOperationsAtOnceThanTheLimit() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch crowd = new CountDownLatch(1);
    Storage slow = new ForwardingStorage(new MemoryStorage()) {
      @Override
      protected <T> T call(Kind kind, ObjectName name, long bytes, Operation<T> op) {
        most.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
          crowd.await(50, TimeUnit.MILLISECONDS);
          return op.run();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        } finally {
          running.decrementAndGet();
        }
      }
    };
    ConcurrencyLimitedStorage limited = new ConcurrencyLimitedStorage(slow, 2);
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 16; i++) {
        pool.submit(() -> limited.list(ObjectKind.DATA));
      }
    }

    assertThat(most.get()).isEqualTo(2);
    assertThat(limited.limit()).isEqualTo(2);
  }
}
