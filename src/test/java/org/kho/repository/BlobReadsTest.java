package org.kho.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kho.crypto.Argon2id;
import org.kho.storage.MemoryStorage;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;

/** How reads of many blobs are planned: by pack, wanted blobs close together in one read, each blob once. */
class BlobReadsTest {
  private static final Repository.Options CHEAP = new Repository.Options(
      Clock.fixed(Instant.parse("2026-11-21T05:00:00Z"), ZoneOffset.UTC), new Host(), new Argon2id(64, 1, 1));

  private final MemoryStorage storage = new MemoryStorage();
  private final List<BlobId> ids = new ArrayList<>();

  /** One pack: a small blob, 3 MiB of random bytes (stored as they are), another small blob. */
  private Repository stored() {
    Repository repo = Repository.init(storage, Credential.passphrase("pw"), CHEAP);
    BlobWriter writer = repo.writer();
    byte[] large = new byte[3 << 20];
    new Random(1).nextBytes(large);
    for (byte[] c : List.of("first".getBytes(), large, "last".getBytes())) {
      ids.add(writer.save(BlobType.DATA, c, 0, c.length));
    }
    writer.flush();
    return repo;
  }

  @Test
  void blobsOfOnePackAreReadInOneSpanAndARepeatedBlobOnce() {
    try (Repository repo = stored()) {
      BlobReads.Plan plan = repo.planReads(BlobType.DATA, List.of(ids.get(2), ids.get(0), ids.get(1), ids.get(2)));

      assertThat(plan.unknown()).isEmpty();
      assertThat(plan.spans()).hasSize(1);
      assertThat(plan.spans().getFirst().blobs()).as("by offset, each once").containsExactlyElementsOf(ids);
    }
  }

  @Test
  void aPackOfManySmallBlobsIsReadInPartsSoEveryReaderGetsSome() {
    try (Repository repo = Repository.init(storage, Credential.passphrase("pw"), CHEAP)) {
      BlobWriter writer = repo.writer();
      List<BlobId> small = new ArrayList<>();
      for (int i = 0; i < 2 * BlobReads.MAX_BLOBS + 10; i++) {
        byte[] c = ("small file " + i).getBytes();
        small.add(writer.save(BlobType.DATA, c, 0, c.length));
      }
      writer.flush();

      BlobReads.Plan plan = repo.planReads(BlobType.DATA, small);

      assertThat(plan.spans()).extracting(s -> s.blobs().size()).containsExactly(BlobReads.MAX_BLOBS, BlobReads.MAX_BLOBS, 10);
      assertThat(plan.spans()).extracting(BlobReads.Span::pack).containsOnly(plan.spans().getFirst().pack());
      assertThat(plan.spans().stream().flatMap(s -> s.blobs().stream())).containsExactlyInAnyOrderElementsOf(small);
    }
  }

  @Test
  void blobsFarApartInAPackAreReadApartAndTheGapIsNotRead() {
    try (Repository repo = stored()) {
      BlobReads.Plan plan = repo.planReads(BlobType.DATA, List.of(ids.get(0), ids.get(2)));

      assertThat(plan.spans()).extracting(BlobReads.Span::blobs).containsExactly(List.of(ids.get(0)), List.of(ids.get(2)));
      assertThat(plan.spans()).allMatch(s -> s.length() < BlobReads.GAP);
    }
  }

  @Test
  void aBlobTheIndexDoesNotKnowIsNamedAndTheOthersArePlanned() {
    try (Repository repo = stored()) {
      BlobId unknown = BlobId.of(new byte[BlobId.BYTES]);

      BlobReads.Plan plan = repo.planReads(BlobType.DATA, List.of(unknown, ids.get(0)));

      assertThat(plan.unknown()).containsOnlyKeys(unknown);
      assertThat(plan.unknown().get(unknown)).hasMessageContaining("is not in the index");
      assertThat(plan.spans()).extracting(BlobReads.Span::blobs).containsExactly(List.of(ids.get(0)));
    }
  }

  @Test
  void aDamagedBlobIsReportedAndItsNeighboursInTheSameReadStillArrive() throws IOException {
    try (Repository repo = stored()) {
      MasterIndex.Location damaged = repo.index().find(ids.get(1));
      storage.corrupt(ObjectName.of(ObjectKind.DATA, damaged.pack()), damaged.offset() + 100);
      List<BlobId> arrived = new ArrayList<>();
      List<String> reported = new ArrayList<>();

      for (BlobReads.Span span : repo.planReads(BlobType.DATA, ids).spans()) {
        repo.read(span, new BlobReads.Receiver() {
          @Override
          public void blob(BlobId id, byte[] buf, int off, int length) {
            arrived.add(id);
          }

          @Override
          public void damaged(BlobId id, RepositoryException.Damaged why) {
            reported.add(id.shortHex() + ": " + why.getMessage());
          }
        });
      }

      assertThat(arrived).containsExactly(ids.get(0), ids.get(2));
      assertThat(reported).singleElement().asString().startsWith(ids.get(1).shortHex())
          .contains("fails authentication");
    }
  }
}
