package org.kho.repository;

import java.util.ArrayDeque;

/**
 * Byte arrays of one size, lent for one blob or pack and given back: a restore or check then
 * reads hundreds of megabytes without allocating (and the collector copying) an array or three
 * per blob. A request larger than the size gets an array of its own, which is not kept. Keeps at
 * most {@code limit} arrays, which live as long as the repository. Thread-safe.
 */
final class Scratch {
  private final int size;
  private final int limit;
  private final ArrayDeque<byte[]> free = new ArrayDeque<>();

  Scratch(int size, int limit) {
    this.size = size;
    this.limit = limit;
  }

  /** An array of at least {@code length} bytes, with unspecified contents. */
  byte[] take(int length) {
    if (length > size) {
      return new byte[length];
    }
    synchronized (free) {
      byte[] kept = free.poll();
      if (kept != null) {
        return kept;
      }
    }
    return new byte[size];
  }

  /** Gives back an array from {@link #take}; the caller must not use it any more. */
  void give(byte[] array) {
    if (array == null || array.length != size) {
      return;
    }
    synchronized (free) {
      if (free.size() < limit) {
        free.push(array);
      }
    }
  }
}
