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

  MasterIndex() {
    this.chunks = new ChunkIndex();
  }

  /** Where a blob is. */
  record Location(BlobType type, BlobId id, String pack, byte[] salt, int offset, int length, int rawLength) {}

  synchronized void addPack(String name, byte[] salt, List<PackEntry> entries) {
    Integer number = packNumbers.get(name);
    if (number == null) {
      number = packNames.size();
      packNames.add(name);
      packSalts.add(salt);
      packNumbers.put(name, number);
    }
    for (PackEntry e : entries) {
      chunks.add(e.id().raw(), 0, number, e.offset(), e.length(), e.rawLength(), e.type());
    }
  }

  synchronized boolean contains(BlobId id) {
    return chunks.find(id.raw(), 0) >= 0;
  }

  synchronized boolean containsPack(String name) {
    return packNumbers.containsKey(name);
  }

  /** The blob's place, or null if the index does not know it. */
  synchronized Location find(BlobId id) {
    int e = chunks.find(id.raw(), 0);
    if (e < 0) {
      return null;
    }
    int pack = chunks.pack(e);
    return new Location(chunks.type(e), id, packNames.get(pack), packSalts.get(pack), chunks.offset(e),
        chunks.length(e), chunks.rawLength(e));
  }

  /** Calls {@code action} with every blob's location, under the lock. */
  synchronized void forEach(Consumer<Location> action) {
    byte[] id = new byte[BlobId.BYTES];
    chunks.forEach(e -> {
      chunks.id(e, id, 0);
      int pack = chunks.pack(e);
      action.accept(new Location(chunks.type(e), BlobId.of(id), packNames.get(pack), packSalts.get(pack),
          chunks.offset(e), chunks.length(e), chunks.rawLength(e)));
    });
  }
}
