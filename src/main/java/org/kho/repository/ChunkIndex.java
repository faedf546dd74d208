package org.kho.repository;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * The in-memory index from a chunk id to where the blob is stored: its pack (a number into a pack
 * table kept elsewhere), its offset and stored length in the pack, its raw length and its
 * {@link BlobType}.
 *
 * <p>Each blob has an entry number, from 0 in the order added, that stays valid for the life of
 * the index. Entries live in pages of primitive arrays, four longs of id and four ints of place
 * each (48 bytes), with no object per entry; an open-addressing table of entry numbers (linear
 * probing, a power-of-two capacity, at most 70% full) finds them. That is 54 to 60 bytes per
 * blob for a large index, within the 64 of DESIGN §4. The table slot is taken from the first
 * bytes of the id, which must therefore be uniformly distributed: ids are MAC outputs.
 *
 * <p>Not safe for concurrent use: callers that share an index must lock around it.
 */
public final class ChunkIndex {
  /** The length of a chunk id, in bytes. */
  public static final int ID_BYTES = 32;
  /**
   * Entries per page: 8192, so that a page of ids is 256 KiB, below the size at which G1
   * places an array in regions of its own and wastes the rest of the last region.
   */
  private static final int PAGE_BITS = 13;
  private static final int PAGE_MASK = (1 << PAGE_BITS) - 1;
  private static final int ID_LONGS = ID_BYTES / Long.BYTES;
  private static final int INTS = 4;
  private static final int PACK = 0;
  private static final int OFFSET = 1;
  private static final int LENGTH = 2;
  private static final int RAW_LENGTH = 3;
  /** The top bit of the pack int holds the blob type's code. */
  private static final int TYPE_SHIFT = 31;
  private static final int FIRST_TABLE_BITS = 10;
  /** The most entries: a 70% full table of 2^30 slots (4 GiB), with 36 GB of pages. */
  private static final int MAX_ENTRIES = (int) ((1L << 30) * 7 / 10);
  private static final int ARRAY_HEADER_BYTES = 16;
  private static final VarHandle LONG_AT =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private long[][] idPages = new long[0][];
  private int[][] placePages = new int[0][];
  /** Entry number + 1 per slot; 0 is an empty slot. */
  private int[] table = new int[1 << FIRST_TABLE_BITS];
  private int tableBits = FIRST_TABLE_BITS;
  private int size;

  /**
   * Adds a blob, unless its id is already present.
   *
   * @param id holds the {@value #ID_BYTES}-byte id at {@code idOffset}
   * @param pack a pack number, {@code >= 0}
   * @param offset the blob's offset in the pack, {@code >= 0}
   * @param length the blob's stored length, {@code >= 0}
   * @param rawLength the blob's length before compression and encryption, {@code >= 0}
   * @return whether it was added; {@code false} (and no change) if the id was present
   * @throws IllegalStateException if the index is full, at 751 million entries
   */
  public boolean add(byte[] id, int idOffset, int pack, int offset, int length, int rawLength,
      BlobType type) {
    if ((pack | offset | length | rawLength) < 0) {
      throw new IllegalArgumentException("negative place: pack " + pack + ", offset " + offset
          + ", length " + length + ", raw length " + rawLength);
    }
    Objects.requireNonNull(type, "type");
    int slot = slotOf(id, idOffset);
    if (table[slot] != 0) {
      return false;
    }
    if (size == MAX_ENTRIES) {
      throw new IllegalStateException("the chunk index is full at " + size + " entries");
    }
    int entry = append(id, idOffset);
    int[] place = placePages[entry >>> PAGE_BITS];
    int at = (entry & PAGE_MASK) * INTS;
    place[at + PACK] = pack | type.code() << TYPE_SHIFT;
    place[at + OFFSET] = offset;
    place[at + LENGTH] = length;
    place[at + RAW_LENGTH] = rawLength;
    table[slot] = entry + 1;
    if (size * 10L > table.length * 7L) {
      growTable();
    }
    return true;
  }

  /** The entry number of the id at {@code id[idOffset]}, or -1 if it is not in the index. */
  public int find(byte[] id, int idOffset) {
    return table[slotOf(id, idOffset)] - 1;
  }

  /** The number of entries; entry numbers run from 0 to {@code size() - 1}. */
  public int size() {
    return size;
  }

  public int pack(int entry) {
    return place(entry, PACK) & ~(1 << TYPE_SHIFT);
  }

  public int offset(int entry) {
    return place(entry, OFFSET);
  }

  public int length(int entry) {
    return place(entry, LENGTH);
  }

  public int rawLength(int entry) {
    return place(entry, RAW_LENGTH);
  }

  public BlobType type(int entry) {
    return BlobType.ofCode(place(entry, PACK) >>> TYPE_SHIFT);
  }

  /** Writes the entry's {@value #ID_BYTES}-byte id to {@code dst[dstOff]}. */
  public void id(int entry, byte[] dst, int dstOff) {
    Objects.checkIndex(entry, size);
    Objects.checkFromIndexSize(dstOff, ID_BYTES, dst.length);
    long[] ids = idPages[entry >>> PAGE_BITS];
    int at = (entry & PAGE_MASK) * ID_LONGS;
    for (int k = 0; k < ID_LONGS; k++) {
      LONG_AT.set(dst, dstOff + k * Long.BYTES, ids[at + k]);
    }
  }

  /** Gives every entry number to {@code action}, in the order the entries were added. */
  public void forEach(IntConsumer action) {
    for (int entry = 0; entry < size; entry++) {
      action.accept(entry);
    }
  }

  /** The memory held: the sum of the sizes of all arrays, headers and references included. */
  public long footprintBytes() {
    long bytes = arrayBytes(idPages.length, Long.BYTES) + arrayBytes(placePages.length, Long.BYTES)
        + arrayBytes(table.length, Integer.BYTES);
    for (int p = 0; p < idPages.length && idPages[p] != null; p++) {
      bytes += arrayBytes(idPages[p].length, Long.BYTES)
          + arrayBytes(placePages[p].length, Integer.BYTES);
    }
    return bytes;
  }

  /**
   * The table slot that holds the id, or the empty slot where it would go: linear probing from
   * the slot named by the id's top bits.
   */
  private int slotOf(byte[] id, int idOffset) {
    Objects.checkFromIndexSize(idOffset, ID_BYTES, id.length);
    long a = (long) LONG_AT.get(id, idOffset);
    long b = (long) LONG_AT.get(id, idOffset + Long.BYTES);
    long c = (long) LONG_AT.get(id, idOffset + 2 * Long.BYTES);
    long d = (long) LONG_AT.get(id, idOffset + 3 * Long.BYTES);
    int[] slots = table;
    int mask = slots.length - 1;
    for (int slot = home(a); ; slot = (slot + 1) & mask) {
      int entry = slots[slot] - 1;
      if (entry < 0) {
        return slot;
      }
      long[] ids = idPages[entry >>> PAGE_BITS];
      int at = (entry & PAGE_MASK) * ID_LONGS;
      if (ids[at] == a && ids[at + 1] == b && ids[at + 2] == c && ids[at + 3] == d) {
        return slot;
      }
    }
  }

  /** The first slot to probe for an id whose first eight bytes are {@code a}. */
  private int home(long a) {
    return (int) (a >>> (Long.SIZE - tableBits));
  }

  /** Stores the id of a new entry, adding a page when the last is full; returns its number. */
  private int append(byte[] id, int idOffset) {
    int entry = size;
    int page = entry >>> PAGE_BITS;
    if ((entry & PAGE_MASK) == 0) {
      addPage(page);
    }
    long[] ids = idPages[page];
    int at = (entry & PAGE_MASK) * ID_LONGS;
    for (int k = 0; k < ID_LONGS; k++) {
      ids[at + k] = (long) LONG_AT.get(id, idOffset + k * Long.BYTES);
    }
    size++;
    return entry;
  }

  private void addPage(int page) {
    if (page == idPages.length) {
      int pages = Math.max(16, 2 * page);
      idPages = Arrays.copyOf(idPages, pages);
      placePages = Arrays.copyOf(placePages, pages);
    }
    idPages[page] = new long[ID_LONGS << PAGE_BITS];
    placePages[page] = new int[INTS << PAGE_BITS];
  }

  /** Doubles the table and puts every entry back in it. */
  private void growTable() {
    tableBits++;
    int[] slots = new int[1 << tableBits];
    int mask = slots.length - 1;
    for (int entry = 0; entry < size; entry++) {
      int slot = home(idPages[entry >>> PAGE_BITS][(entry & PAGE_MASK) * ID_LONGS]);
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = entry + 1;
    }
    table = slots;
  }

  private int place(int entry, int field) {
    Objects.checkIndex(entry, size);
    return placePages[entry >>> PAGE_BITS][(entry & PAGE_MASK) * INTS + field];
  }

  private static long arrayBytes(int length, int elementBytes) {
    return ARRAY_HEADER_BYTES + (long) length * elementBytes;
  }
}
