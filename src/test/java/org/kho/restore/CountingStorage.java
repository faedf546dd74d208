package org.kho.restore;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.kho.storage.ForwardingStorage;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;

/**
 * A target that counts the reads of each data object (pack) made for file contents, for the tests
 * of how restore reads: those made on restore's content threads ("kho-restore"); the folder trees,
 * read a level at a time on the calling thread before, are not counted.
 */
final class CountingStorage extends ForwardingStorage {
  private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

  CountingStorage(Storage inner) {
    super(inner);
  }

  @Override
  protected <T> T call(Kind kind, ObjectName name, long bytes, Operation<T> op) {
    if (kind == Kind.READ && name.kind() == ObjectKind.DATA && Thread.currentThread().getName().equals("kho-restore")) {
      reads.computeIfAbsent(name.name(), k -> new AtomicInteger()).incrementAndGet();
    }
    return op.run();
  }

  /** How many times each pack was read since the last {@link #reset}. */
  Map<String, Integer> readsByPack() {
    Map<String, Integer> out = new java.util.TreeMap<>();
    reads.forEach((pack, n) -> out.put(pack, n.get()));
    return out;
  }

  int dataReads() {
    return reads.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  void reset() {
    reads.clear();
  }

  /** The names of the stored packs. */
  List<String> packs() {
    return list(ObjectKind.DATA).stream().map(i -> i.name().name()).sorted().toList();
  }
}
