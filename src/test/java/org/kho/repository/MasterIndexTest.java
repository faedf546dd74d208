package org.kho.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MasterIndexTest {
  private static final String CONDEMNED = "a".repeat(64);
  private static final String LIVE = "b".repeat(64);
  private static final BlobId BLOB = BlobId.of(new byte[32]);
  private static final byte[] SALT = new byte[16];

  @Test
  void aBlobOfACondemnedPackIsReadableButNotReusedUntilStoredAgain() {
    MasterIndex index = new MasterIndex();
    index.condemn(List.of(CONDEMNED));
    index.addPack(CONDEMNED, SALT, List.of(new PackEntry(BlobType.DATA, BLOB, 0, 10, 5)));
    assertThat(index.find(BLOB).pack()).isEqualTo(CONDEMNED);
    assertThat(index.contains(BLOB)).as("a backup stores it again").isFalse();

    index.addPack(LIVE, SALT, List.of(new PackEntry(BlobType.DATA, BLOB, 20, 10, 5)));
    assertThat(index.contains(BLOB)).isTrue();
    assertThat(index.find(BLOB).pack()).isEqualTo(LIVE);
    List<String> packs = new ArrayList<>();
    index.forEach(loc -> packs.add(loc.pack()));
    assertThat(packs).containsExactly(LIVE);
  }

  @Test
  void condemningAKnownPackStopsReuseOfItsBlobs() {
    MasterIndex index = new MasterIndex();
    index.addPack(LIVE, SALT, List.of(new PackEntry(BlobType.DATA, BLOB, 0, 10, 5)));
    assertThat(index.contains(BLOB)).isTrue();
    index.condemn(List.of(LIVE));
    assertThat(index.contains(BLOB)).isFalse();
    assertThat(index.find(BLOB)).isNotNull();
  }
}
