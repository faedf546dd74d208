package org.kho.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every blob the repository holds and where: a compact {@link ChunkIndex} plus the table of packs.
 * Thread-safe (one lock; lookups are nanoseconds against milliseconds of work per chunk).
 */
final class MasterIndex {
  private final ChunkIndex chunks;
  private final List<String> packNames = new ArrayList<>();
  private final List<byte[]> packSalts = new ArrayList<>();
  private final Map<String, Integer> packNumbers = new HashMap<>();
  /** Packs a prune has condemned: still readable, but never deduplicated against. */
  private final java.util.Set<String> condemned = new java.util.HashSet<>();
  private final java.util.BitSet condemnedNumbers = new java.util.BitSet();
  /** Blobs of condemned packs this session stored again, and where. */
  private final Map<BlobId, Location> revived = new HashMap<>();

  MasterIndex() {
    this.chunks = new ChunkIndex();
  }

  /** Where a blob is. */
  record Location(BlobType type, BlobId id, String pack, byte[] salt, int offset, int length, int rawLength) {}

  synchronized void addPack(String name, byte[] salt, List<PackEntry> entries) {
    int number = number(name, salt);
    for (PackEntry e : entries) {
      add(name, salt, number, e.type(), e.id().raw(), 0, e.offset(), e.length(), e.rawLength());
    }
  }

  /**
   * Adds pack {@code name} with its {@code count} entries read from {@code in} as {@link PackEntry#read}
   * reads them, straight from the buffer (no object per entry).
   */
  synchronized void addPack(String name, byte[] salt, java.nio.ByteBuffer in, int count) {
    int number = number(name, salt);
    byte[] bytes = in.array();
    for (int i = 0; i < count; i++) {
      BlobType type = BlobType.ofCode(in.get());
      int idAt = in.arrayOffset() + in.position();
      in.position(in.position() + BlobId.BYTES);
      add(name, salt, number, type, bytes, idAt, in.getInt(), in.getInt(), in.getInt());
    }
  }

  /** The number of pack {@code name}, given it if it is new. */
  private int number(String name, byte[] salt) {
    Integer number = packNumbers.get(name);
    if (number == null) {
      number = packNames.size();
      packNames.add(name);
      packSalts.add(salt);
      packNumbers.put(name, number);
      condemnedNumbers.set(number, condemned.contains(name));
    }
    return number;
  }

  private void add(String name, byte[] salt, int number, BlobType type, byte[] id, int idAt, int offset, int length,
      int rawLength) {
    if (!chunks.add(id, idAt, number, offset, length, rawLength, type)
        && !condemned.contains(name) && condemnedNumbers.get(chunks.pack(chunks.find(id, idAt)))) {
      BlobId blob = BlobId.of(id, idAt);
      revived.put(blob, new Location(type, blob, name, salt, offset, length, rawLength));
    }
  }

  /** Marks packs as condemned by a prune: reads still find their blobs, deduplication does not. */
  synchronized void condemn(java.util.Collection<String> packs) {
    condemned.addAll(packs);
    packs.forEach(p -> {
      Integer n = packNumbers.get(p);
      if (n != null) {
        condemnedNumbers.set(n);
      }
    });
  }

  synchronized boolean condemned(String pack) {
    return condemned.contains(pack);
  }

  /** Whether a backup may reuse the stored blob: it is indexed in a pack no prune condemned. */
  synchronized boolean contains(BlobId id) {
    int e = chunks.find(id.raw(), 0);
    return e >= 0 && (!condemnedNumbers.get(chunks.pack(e)) || revived.containsKey(id));
  }

  synchronized boolean containsPack(String name) {
    return packNumbers.containsKey(name);
  }

  /** The blob's place, or null if the index does not know it. */
  synchronized Location find(BlobId id) {
    Location again = revived.get(id);
    if (again != null) {
      return again;
    }
    int e = chunks.find(id.raw(), 0);
    if (e < 0) {
      return null;
    }
    int pack = chunks.pack(e);
    return new Location(chunks.type(e), id, packNames.get(pack), packSalts.get(pack), chunks.offset(e),
        chunks.length(e), chunks.rawLength(e));
  }

  /** Calls {@code action} with every blob's location (where {@link #find} places it), under the lock. */
  synchronized void forEach(Consumer<Location> action) {
    byte[] id = new byte[BlobId.BYTES];
    chunks.forEach(e -> {
      chunks.id(e, id, 0);
      int pack = chunks.pack(e);
      BlobId blob = BlobId.of(id);
      Location again = revived.isEmpty() ? null : revived.get(blob);
      action.accept(again != null ? again : new Location(chunks.type(e), blob, packNames.get(pack), packSalts.get(pack),
          chunks.offset(e), chunks.length(e), chunks.rawLength(e)));
    });
  }
}
