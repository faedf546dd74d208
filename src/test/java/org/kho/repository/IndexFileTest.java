package org.kho.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndexFileTest {
  private final Random random = new Random(5);

  @Test
  void theIndexLoadFindsEveryBlobWhereItsIndexObjectPutsIt() {
    List<IndexFile.Pack> packs = List.of(pack(3), pack(0), pack(300));
    MasterIndex index = new MasterIndex();
    IndexFile.read(IndexFile.encode(packs), "test", index::addPack);
    for (IndexFile.Pack p : packs) {
      for (PackEntry e : p.entries()) {
        MasterIndex.Location at = index.find(e.id());
        assertThat(at.pack()).isEqualTo(p.name());
        assertThat(at.salt()).isEqualTo(p.salt());
        assertThat(List.of(at.type(), at.offset(), at.length(), at.rawLength()))
            .isEqualTo(List.of(e.type(), e.offset(), e.length(), e.rawLength()));
      }
    }
    assertThat(IndexFile.decode(IndexFile.encode(packs), "test")).extracting(p -> p.name() + " " + p.entries())
        .isEqualTo(packs.stream().map(p -> p.name() + " " + p.entries()).toList());
  }

  @Test
  void aTruncatedIndexObjectGivesNothing() {
    byte[] whole = IndexFile.encode(List.of(pack(2), pack(2)));
    List<String> given = new ArrayList<>();
    for (int cut : new int[] {whole.length - 1, whole.length - PackEntry.BYTES, 12, 3}) {
      assertThatThrownBy(() -> IndexFile.read(Arrays.copyOf(whole, cut), "cut", (name, salt, in, n) -> given.add(name)))
          .isInstanceOf(RepositoryException.Damaged.class).hasMessageContaining("index cut");
    }
    assertThat(given).isEmpty();
  }

  private IndexFile.Pack pack(int entries) {
    byte[] name = new byte[32];
    random.nextBytes(name);
    byte[] salt = new byte[PackBuilder.SALT_BYTES];
    random.nextBytes(salt);
    List<PackEntry> list = new ArrayList<>();
    for (int i = 0; i < entries; i++) {
      byte[] id = new byte[32];
      random.nextBytes(id);
      list.add(new PackEntry(random.nextBoolean() ? BlobType.DATA : BlobType.TREE, BlobId.of(id), random.nextInt(1 << 24),
          random.nextInt(1 << 23), random.nextInt(1 << 23)));
    }
    return new IndexFile.Pack(java.util.HexFormat.of().formatHex(name), salt, list);
  }
}
