package org.kho.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kho.crypto.Argon2id;
import org.kho.storage.MemoryStorage;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;

/**
 * Reading blobs into lent arrays (restore's path): the sink sees exactly the stored bytes, raw or
 * compressed, small or larger than the kept arrays, and never a byte of a blob that does not verify.
 */
class BlobReadTest {
  private static final Repository.Options CHEAP = new Repository.Options(
      Clock.fixed(Instant.parse("2026-11-21T05:00:00Z"), ZoneOffset.UTC), new Host(), new Argon2id(64, 1, 1));
  private static final int MIB = 1 << 20;

  private final MemoryStorage storage = new MemoryStorage();
  private final List<byte[]> blobs = new ArrayList<>();
  private final List<BlobId> ids = new ArrayList<>();

  private Repository stored(byte[]... contents) {
    Repository repo = Repository.init(storage, Credential.passphrase("pw"), CHEAP);
    BlobWriter writer = repo.writer();
    for (byte[] c : contents) {
      blobs.add(c);
      ids.add(writer.save(BlobType.DATA, c, 0, c.length));
    }
    writer.flush();
    return repo;
  }

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static byte[] text(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) ('a' + (i * 7 + i / 13) % 26);
    }
    return b;
  }

  private static byte[] throughSink(Repository repo, BlobId id) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int n = repo.readBlob(BlobType.DATA, id, out::write);
    assertThat(n).isEqualTo(out.size());
    return out.toByteArray();
  }

  @Test
  void theSinkSeesEveryBlobAsStoredRawOrCompressedSmallOrLargerThanTheKeptArrays() throws IOException {
    try (Repository repo = stored(new byte[0], text(1000), random(1000, 1), text(3 * MIB), random(3 * MIB, 2),
        random(Repository.BLOB_SCRATCH, 3))) {
      for (int round = 0; round < 2; round++) { // the second round reads through arrays given back by the first
        for (int i = 0; i < blobs.size(); i++) {
          assertThat(throughSink(repo, ids.get(i))).isEqualTo(blobs.get(i));
          assertThat(repo.readBlob(BlobType.DATA, ids.get(i))).isEqualTo(blobs.get(i));
        }
      }
    }
  }

  @Test
  void aDamagedBlobNeverReachesTheSinkAndTheBlobsReadAfterItAreIntact() throws IOException {
    try (Repository repo = stored(text(MIB), random(MIB, 4), text(MIB / 2))) {
      MasterIndex.Location damaged = repo.index().find(ids.get(0));
      storage.corrupt(ObjectName.of(ObjectKind.DATA, damaged.pack()), damaged.offset() + damaged.length() / 2);
      List<Integer> seen = new ArrayList<>();

      assertThatThrownBy(() -> repo.readBlob(BlobType.DATA, ids.get(0), (buf, off, len) -> seen.add(len)))
          .isInstanceOf(RepositoryException.Damaged.class).hasMessageContaining("fails authentication");
      assertThat(seen).isEmpty();
      assertThat(throughSink(repo, ids.get(1))).isEqualTo(blobs.get(1));
      assertThat(throughSink(repo, ids.get(2))).isEqualTo(blobs.get(2));
    }
  }

  @Test
  void aFailingSinkGivesItsArraysBackAndTheNextReadIsIntact() throws IOException {
    try (Repository repo = stored(text(MIB), random(MIB, 5))) {
      assertThatThrownBy(() -> repo.readBlob(BlobType.DATA, ids.get(0), (buf, off, len) -> {
        Arrays.fill(buf, off, off + len, (byte) 0);
        throw new IOException("disk full");
      })).isInstanceOf(IOException.class).hasMessage("disk full");

      assertThat(throughSink(repo, ids.get(0))).isEqualTo(blobs.get(0));
      assertThat(throughSink(repo, ids.get(1))).isEqualTo(blobs.get(1));
    }
  }

  @Test
  void scratchLendsItsArraysAgainAndKeepsNoneLargerOrMoreThanItsLimit() {
    Scratch scratch = new Scratch(1024, 1);
    byte[] a = scratch.take(10);
    byte[] b = scratch.take(1024);
    byte[] large = scratch.take(1025);

    assertThat(a).hasSize(1024).isNotSameAs(b);
    assertThat(large).hasSize(1025);
    scratch.give(a);
    scratch.give(b); // over the limit: dropped
    scratch.give(large); // not of the kept size: dropped
    assertThat(scratch.take(1)).isSameAs(a);
    assertThat(scratch.take(1)).isNotSameAs(b).isNotSameAs(a);
  }
}
