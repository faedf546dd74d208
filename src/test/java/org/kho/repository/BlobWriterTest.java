package org.kho.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kho.crypto.Argon2id;
import org.kho.storage.ConcurrencyLimitedStorage;
import org.kho.storage.ForwardingStorage;
import org.kho.storage.MemoryStorage;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;

class BlobWriterTest {
  private static final Repository.Options CHEAP = new Repository.Options(
      Clock.fixed(Instant.parse("2026-11-21T05:00:00Z"), ZoneOffset.UTC), new Host(), new Argon2id(64, 1, 1));
  private static final long MIB = 1 << 20;

  @Test
  void aDiskKeepsTwoPackBuffersWhateverTheHeap() {
    assertThat(BlobWriter.packBuffers(1, 160 * MIB)).isEqualTo(2);
    assertThat(BlobWriter.packBuffers(1, 8192 * MIB)).isEqualTo(2);
  }

  @Test
  void aRemoteTargetGetsOneBufferPerConnectionPlusTheOpenPackWithinThirtyPercentOfTheHeap() {
    assertThat(BlobWriter.packBuffers(4, 8192 * MIB)).isEqualTo(5);
    assertThat(BlobWriter.packBuffers(4, 256 * MIB)).isEqualTo(4);
    assertThat(BlobWriter.packBuffers(4, 160 * MIB)).isEqualTo(2); // the launcher's heap: no room for a third
  }

  @Test
  void packsUploadInParallelUpToTheTargetsParallelismAndReadBackWhole() {
    MemoryStorage memory = new MemoryStorage();
    Gate gate = new Gate(memory, 3);
    Storage storage = new ConcurrencyLimitedStorage(gate, 3);
    List<byte[]> blobs = new ArrayList<>();
    List<BlobId> ids = new ArrayList<>();
    try (Repository repo = Repository.init(storage, Credential.passphrase("pw"), CHEAP)) {
      BlobWriter writer = repo.writer();
      Random random = new Random(7);
      for (int i = 0; i < 80; i++) { // 80 MiB that does not compress: five full packs and an open one
        byte[] blob = new byte[(int) MIB];
        random.nextBytes(blob);
        blobs.add(blob);
        ids.add(writer.save(BlobType.DATA, blob, 0, blob.length));
      }
      writer.flush();
    }

    assertThat(gate.mostAtOnce.get()).isEqualTo(3);
    assertThat(gate.buffers).hasSizeLessThanOrEqualTo(4); // three uploading, one filling: recycled, never more
    assertThat(memory.list(ObjectKind.DATA)).hasSize(6);
    try (Repository repo = Repository.open(memory, Credential.passphrase("pw"), CHEAP)) {
      assertThat(repo.loadIndex()).isEmpty();
      for (int i = 0; i < blobs.size(); i++) {
        assertThat(repo.readBlob(BlobType.DATA, ids.get(i))).isEqualTo(blobs.get(i));
      }
    }
  }

  /** Holds the first pack uploads until {@code wanted} run at once (or a minute passes); counts what it sees. */
  private static final class Gate extends ForwardingStorage {
    private final CountDownLatch together;
    private final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final Set<byte[]> buffers = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    Gate(Storage inner, int wanted) {
      super(inner);
      this.together = new CountDownLatch(wanted);
    }

    @Override
    public int parallelism() {
      return Integer.MAX_VALUE;
    }

    @Override
    public void create(ObjectName name, byte[] data, int length) {
      if (name.kind() != ObjectKind.DATA) {
        super.create(name, data, length);
        return;
      }
      buffers.add(data);
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        together.countDown();
        together.await(1, TimeUnit.MINUTES); // a writer with fewer uploads at once never gets here together
        super.create(name, data, length);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        running.decrementAndGet();
      }
    }
  }
}
