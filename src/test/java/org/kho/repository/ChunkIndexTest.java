package org.kho.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChunkIndexTest {
  private static final VarHandle LONG_AT =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final ChunkIndex index = new ChunkIndex();

  @Test
  void anAddedBlobIsFoundWithItsPlace() {
    byte[] buffer = new byte[5 + ChunkIndex.ID_BYTES];
    byte[] id = randomIds(1, 1)[0];
    System.arraycopy(id, 0, buffer, 5, id.length);

    assertThat(index.add(buffer, 5, 7, 1234, 5000, 9000, BlobType.TREE)).isTrue();
    assertThat(index.add(randomIds(1, 2)[0], 0, Integer.MAX_VALUE, 0, 1, 2, BlobType.DATA))
        .isTrue();

    int entry = index.find(id, 0);
    assertThat(entry).isZero();
    assertThat(index.pack(entry)).isEqualTo(7);
    assertThat(index.offset(entry)).isEqualTo(1234);
    assertThat(index.length(entry)).isEqualTo(5000);
    assertThat(index.rawLength(entry)).isEqualTo(9000);
    assertThat(index.type(entry)).isEqualTo(BlobType.TREE);
    byte[] copy = new byte[40];
    index.id(entry, copy, 8);
    assertThat(Arrays.copyOfRange(copy, 8, 40)).isEqualTo(id);
    assertThat(index.pack(1)).isEqualTo(Integer.MAX_VALUE);
    assertThat(index.type(1)).isEqualTo(BlobType.DATA);
    assertThat(index.size()).isEqualTo(2);
  }

  @Test
  void aKnownIdIsRefusedAndTheFirstPlaceKept() {
    byte[] id = randomIds(1, 3)[0];
    index.add(id, 0, 1, 2, 3, 4, BlobType.DATA);

    assertThat(index.add(id.clone(), 0, 9, 9, 9, 9, BlobType.TREE)).isFalse();

    assertThat(index.size()).isOne();
    assertThat(index.pack(0)).isEqualTo(1);
    assertThat(index.type(0)).isEqualTo(BlobType.DATA);
  }

  @Test
  void idsThatDifferOnlyInTheirLastByteAreDistinct() {
    byte[] id = randomIds(1, 4)[0];
    byte[] neighbour = id.clone();
    neighbour[ChunkIndex.ID_BYTES - 1] ^= 1;
    index.add(id, 0, 1, 0, 10, 10, BlobType.DATA);

    assertThat(index.find(neighbour, 0)).isEqualTo(-1);
    assertThat(index.add(neighbour, 0, 2, 0, 10, 10, BlobType.DATA)).isTrue();
    assertThat(index.pack(index.find(neighbour, 0))).isEqualTo(2);
    assertThat(index.pack(index.find(id, 0))).isEqualTo(1);
  }

  @Test
  void absentIdsAreNotFoundAsTheTableGrows() {
    byte[][] ids = randomIds(200_000, 5);
    byte[][] absent = randomIds(1_000, 6);
    for (int i = 0; i < ids.length; i++) {
      index.add(ids[i], 0, i, i, i, i, BlobType.DATA);
      if (Integer.bitCount(i + 1) == 1) {
        assertThat(Arrays.stream(absent).mapToInt(id -> index.find(id, 0))).containsOnly(-1);
      }
    }
  }

  @Test
  void aMillionRandomIdsAreAllFoundInTheirPlace() {
    byte[][] ids = randomIds(1_000_000, 7);
    for (int i = 0; i < ids.length; i++) {
      assertThat(index.add(ids[i], 0, i, 2 * i, i & 0xffff, i >>> 3, type(i))).isTrue();
    }

    for (int i = 0; i < ids.length; i++) {
      int entry = index.find(ids[i], 0);
      assertThat(entry).isEqualTo(i);
      assertThat(index.pack(entry)).isEqualTo(i);
      assertThat(index.offset(entry)).isEqualTo(2 * i);
      assertThat(index.length(entry)).isEqualTo(i & 0xffff);
      assertThat(index.rawLength(entry)).isEqualTo(i >>> 3);
      assertThat(index.type(entry)).isEqualTo(type(i));
    }
    assertThat(index.size()).isEqualTo(ids.length);
  }

  @Test
  void forEachVisitsEveryEntryInOrder() {
    for (byte[] id : randomIds(20_000, 8)) {
      index.add(id, 0, 0, 0, 0, 0, BlobType.DATA);
    }
    List<Integer> seen = new ArrayList<>();

    index.forEach(seen::add);

    assertThat(seen).hasSize(20_000).isSorted().startsWith(0).endsWith(19_999);
  }

  @Test
  void negativePlacesAndUnknownEntriesAreRejected() {
    byte[] id = randomIds(1, 9)[0];

    assertThatThrownBy(() -> index.add(id, 0, -1, 0, 0, 0, BlobType.DATA))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.add(id, 0, 0, 0, 0, -5, BlobType.DATA))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.pack(0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> index.find(new byte[31], 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(index.size()).isZero();
  }

  @Test
  void tenMillionChunksFitInSixtyFourBytesEach() {
    int count = 10_000_000;
    long heapBefore = usedHeap();
    long start = System.nanoTime();
    SplittableRandom random = new SplittableRandom(10);
    byte[] id = new byte[ChunkIndex.ID_BYTES];
    List<byte[]> sample = new ArrayList<>();
    ChunkIndex big = new ChunkIndex();
    for (int i = 0; i < count; i++) {
      fill(id, random);
      big.add(id, 0, i >>> 10, i, 1 << 20, 1 << 20, BlobType.DATA);
      if (i % 100_000 == 0) {
        sample.add(id.clone());
      }
    }
    long addMillis = (System.nanoTime() - start) / 1_000_000;
    long heapGrowth = usedHeap() - heapBefore;

    double bytesPerChunk = big.footprintBytes() / (double) count;
    System.out.printf("10M chunks: footprint %.1f bytes/chunk, heap growth %.1f bytes/chunk,"
        + " added in %d ms%n", bytesPerChunk, heapGrowth / (double) count, addMillis);
    assertThat(bytesPerChunk).isLessThanOrEqualTo(64);
    assertThat(big.size()).isEqualTo(count);
    for (int s = 0; s < sample.size(); s++) {
      assertThat(big.find(sample.get(s), 0)).isEqualTo(s * 100_000);
    }
    assertThat(big.find(randomIds(1, 11)[0], 0)).isEqualTo(-1);
  }

  private static BlobType type(int i) {
    return i % 3 == 0 ? BlobType.TREE : BlobType.DATA;
  }

  private static byte[][] randomIds(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[][] ids = new byte[count][ChunkIndex.ID_BYTES];
    for (byte[] id : ids) {
      fill(id, random);
    }
    return ids;
  }

  private static void fill(byte[] id, SplittableRandom random) {
    for (int k = 0; k < ChunkIndex.ID_BYTES; k += Long.BYTES) {
      LONG_AT.set(id, k, random.nextLong());
    }
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
