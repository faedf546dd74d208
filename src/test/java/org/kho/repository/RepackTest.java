package org.kho.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kho.crypto.Argon2id;
import org.kho.storage.MemoryStorage;
import org.kho.storage.ObjectKind;

class RepackTest {
  private static final Repository.Options CHEAP = new Repository.Options(
      Clock.fixed(Instant.parse("2026-11-21T05:00:00Z"), ZoneOffset.UTC), new Host(), new Argon2id(64, 1, 1));

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void aMostlyUnusedPackIsRepackedAndItsLiveBlobStaysReadable() {
    MemoryStorage storage = new MemoryStorage();
    byte[] live = random(100_000, 2);
    BlobId liveId;
    try (Repository repo = Repository.init(storage, Credential.passphrase("pw"), CHEAP)) {
      BlobWriter w = repo.writer();
      w.save(BlobType.DATA, random(300_000, 1), 0, 300_000);
      liveId = w.save(BlobType.DATA, live, 0, live.length);
      Node file = new Node("f", Node.Type.FILE, 0644, 0, 0, "u", "g", Instant.EPOCH, Instant.EPOCH, 1, 1, 1, live.length,
          List.of(liveId.toString()), null, null);
      BlobId tree = repo.saveTree(new Tree(List.of(file)), w);
      w.flush();
      repo.saveSnapshot(new Snapshot(1, Instant.EPOCH, "h", "u", List.of("/f"), null, List.of(), tree.toString(), null,
          null, List.of(), "test", null, null));
    }
    assertThat(storage.list(ObjectKind.DATA)).hasSize(1);
    PruneReport r;
    try (Repository repo = Repository.open(storage, Credential.passphrase("pw"), CHEAP)) {
      r = repo.prune(new PruneRequest(Duration.ZERO, 20, true), PruneProgress.NONE);
    }
    assertThat(r.repackPacks()).isEqualTo(1);
    assertThat(r.deletedPacks()).isEqualTo(1);
    try (Repository repo = Repository.open(storage, Credential.passphrase("pw"), CHEAP)) {
      assertThat(repo.loadIndex()).isEmpty();
      assertThat(repo.readBlob(BlobType.DATA, liveId)).isEqualTo(live);
      assertThat(repo.blobsByPack()).hasSize(1);
      String pack = repo.blobsByPack().keySet().iterator().next();
      assertThat(repo.verifyPack(pack, repo.blobsByPack().get(pack)).problems()).isEmpty();
      assertThat(repo.storedPacks().values().iterator().next()).isLessThan(150_000);
    }
  }
}
