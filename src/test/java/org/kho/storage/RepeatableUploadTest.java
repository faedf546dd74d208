package org.kho.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An upload whose commit can be repeated (a remote target's spool file) passes through the
 * decorators, its commit retried and limited as a create of its bytes.
 */
class RepeatableUploadTest {
  @Test
  void commitsOfRepeatableUploadsAreRetriedThroughFaultsUntilEveryObjectIsStored() {
    MemoryStorage memory = new MemoryStorage();
    FaultInjectingStorage faulty = new FaultInjectingStorage(new KeepingUploads(memory), 0.3, 7);
    Storage decorated = new RetryingStorage(new ConcurrencyLimitedStorage(faulty, 2),
        new RetryingStorage.Policy(20, java.time.Duration.ZERO, java.time.Duration.ZERO), new FakeTicker(), new Random(1));
    List<ObjectName> names = new ArrayList<>();

    for (int i = 0; i < 30; i++) {
      byte[] data = StorageContract.randomBytes(1000 + i);
      ObjectName name = StorageContract.nameOf(ObjectKind.DATA, data);
      try (Storage.Upload upload = decorated.upload(ObjectKind.DATA).orElseThrow()) {
        upload.write(data, 0, 600);
        upload.write(data, 600, data.length - 600);
        upload.commit(name);
      }
      names.add(name);
      assertThat(memory.read(name)).isEqualTo(data);
    }

    assertThat(faulty.injected()).isPositive();
    assertThat(memory.list(ObjectKind.DATA)).hasSize(names.size());
  }

  @Test
  void bandwidthLimitsCountTheBytesOfACommit() {
    FakeTicker ticker = new FakeTicker();
    Storage limited = new BandwidthLimitedStorage(new KeepingUploads(new MemoryStorage()), 1000, ticker);
    byte[] data = StorageContract.randomBytes(5000);

    try (Storage.Upload upload = limited.upload(ObjectKind.DATA).orElseThrow()) {
      upload.write(data, 0, data.length);
      upload.commit(StorageContract.nameOf(ObjectKind.DATA, data));
    }

    assertThat(ticker.slept()).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(4));
  }

  /** A target whose uploads keep their bytes and create the object whole at each commit. */
  private static final class KeepingUploads extends ForwardingStorage {
    KeepingUploads(Storage inner) {
      super(inner);
    }

    @Override
    public Optional<Upload> upload(ObjectKind kind) {
      ByteArrayOutputStream kept = new ByteArrayOutputStream();
      return Optional.of(new Upload() {
        @Override
        public void write(byte[] data, int off, int len) {
          kept.write(data, off, len);
        }

        @Override
        public void commit(ObjectName name) {
          inner.create(name, kept.toByteArray());
        }

        @Override
        public boolean repeatableCommit() {
          return true;
        }

        @Override
        public void close() {}
      });
    }
  }
}
