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
    assertThat(BlobWriter.packBuffers(4, 160 * MIB)).isEqualTo(2);
    assertThat(BlobWriter.packBuffers(4, 128 * MIB)).isEqualTo(2); // the launcher's heap: no room for a third
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

  @Test
  void aTargetThatTakesObjectsInPiecesGetsEveryPackStreamedThroughASmallBuffer() {
    MemoryStorage memory = new MemoryStorage();
    Pieces storage = new Pieces(memory);
    List<byte[]> blobs = new ArrayList<>();
    List<BlobId> ids = new ArrayList<>();
    try (Repository repo = Repository.init(storage, Credential.passphrase("pw"), CHEAP)) {
      BlobWriter writer = repo.writer();
      Random random = new Random(11);
      for (int i = 0; i < 300; i++) { // 40 MiB that does not compress, blobs of 4 KiB to 3 MiB
        byte[] blob = new byte[i % 20 == 0 ? 3 << 20 : 4096 + random.nextInt((int) MIB / 8)];
        random.nextBytes(blob);
        blobs.add(blob);
        ids.add(writer.save(BlobType.DATA, blob, 0, blob.length));
      }
      writer.flush();
    }

    assertThat(storage.wholePacks.get()).isZero();
    assertThat(storage.largestPiece.get()).isLessThanOrEqualTo(BlobWriter.STAGING_BYTES + (4 << 20));
    assertThat(memory.list(ObjectKind.DATA)).hasSize(storage.committed.get()).hasSizeGreaterThan(2);
    try (Repository repo = Repository.open(memory, Credential.passphrase("pw"), CHEAP)) {
      assertThat(repo.loadIndex()).isEmpty();
      for (int i = 0; i < blobs.size(); i++) {
        assertThat(repo.readBlob(BlobType.DATA, ids.get(i))).isEqualTo(blobs.get(i));
      }
    }
  }

  @Test
  void aWriterWithNothingToStoreLeavesNoPackBehind() {
    MemoryStorage memory = new MemoryStorage();
    try (Repository repo = Repository.init(memory, Credential.passphrase("pw"), CHEAP)) {
      repo.writer().flush();
    }

    assertThat(memory.list(ObjectKind.DATA)).isEmpty();
  }

  /** Passes uploads through, counting what arrives in pieces and what as whole packs. */
  private static final class Pieces extends ForwardingStorage {
    final AtomicInteger wholePacks = new AtomicInteger();
    final AtomicInteger committed = new AtomicInteger();
    final AtomicInteger largestPiece = new AtomicInteger();

    Pieces(Storage inner) {
      super(inner);
    }

    @Override
    public void create(ObjectName name, byte[] data, int length) {
      if (name.kind() == ObjectKind.DATA) {
        wholePacks.incrementAndGet();
      }
      super.create(name, data, length);
    }

    @Override
    public java.util.Optional<Upload> upload(ObjectKind kind) {
      Upload upload = inner.upload(kind).orElseThrow();
      return java.util.Optional.of(new Upload() {
        @Override
        public void write(byte[] data, int off, int len) {
          largestPiece.accumulateAndGet(len, Math::max);
          upload.write(data, off, len);
        }

        @Override
        public void commit(ObjectName name) {
          upload.commit(name);
          committed.incrementAndGet();
        }

        @Override
        public void close() {
          upload.close();
        }
      });
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
