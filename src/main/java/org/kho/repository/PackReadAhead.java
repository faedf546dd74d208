package org.kho.repository;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kho.storage.ObjectKind;
import org.kho.storage.Storage;

/**
 * Fetches every pack into the target's cache ({@link Storage#prefetch}: a local disk's page cache)
 * ahead of a full check, which reads the packs in name order. It starts when the repository is
 * opened, so that the disk reads the first packs while the key is derived and the index loaded
 * (the CPU's work, which leaves the disk idle), and then stays at most {@link #WINDOW} bytes ahead
 * of the pack being verified: a pack fetched much earlier could be pushed out of the cache again
 * before its turn.
 *
 * <p>A hint only: on one thread of its own, it never fails the check (a listing that fails ends it
 * quietly), and a pack verified before it was fetched is simply read from the disk. Only for
 * targets on this machine ({@link Storage#localRoot}): elsewhere listing the packs once more would
 * cost a round trip and fetch nothing.
 */
final class PackReadAhead implements AutoCloseable {
  /** How far ahead of the pack being verified the fetching may run: a few seconds of checking. */
  static final long WINDOW = 256L << 20;

  private final Storage storage;
  private final long window;
  /** Where each pack starts in the fetching order, counted in bytes; set once the packs are listed. */
  private volatile Map<String, Long> starts;
  private Thread thread;
  private long verifying;
  private boolean closed;

  private PackReadAhead(Storage storage, long window) {
    this.storage = storage;
    this.window = window;
  }

  /** Starts fetching the packs of {@code storage}, or returns null where it holds nothing to fetch. */
  static PackReadAhead start(Storage storage) {
    return start(storage, WINDOW);
  }

  static PackReadAhead start(Storage storage, long window) {
    if (storage.localRoot().isEmpty()) {
      return null;
    }
    PackReadAhead ahead = new PackReadAhead(storage, window);
    ahead.thread = Thread.ofPlatform().daemon().name("kho-read-ahead").start(ahead::fetch);
    return ahead;
  }

  /** Says that pack {@code pack} is being verified now: fetching may run up to a window past its start. */
  void verifying(String pack) {
    Map<String, Long> known = starts;
    Long start = known == null ? null : known.get(pack);
    if (start != null) {
      synchronized (this) {
        verifying = Math.max(verifying, start);
        notifyAll();
      }
    }
  }

  /** Whether its thread still runs: fetching, or waiting for the verification to come closer. */
  boolean running() {
    return thread.isAlive();
  }

  /** Stops fetching (after the pack being fetched, if any). */
  @Override
  public synchronized void close() {
    closed = true;
    notifyAll();
  }

  private void fetch() {
    List<Storage.ObjectInfo> packs;
    try {
      packs = storage.list(ObjectKind.DATA).stream()
          .sorted(Comparator.comparing(info -> info.name().name())).toList();
    } catch (RuntimeException e) {
      return; // the check lists the packs itself and reports what is wrong
    }
    Map<String, Long> at = new HashMap<>();
    long offset = 0;
    for (Storage.ObjectInfo info : packs) {
      at.put(info.name().name(), offset);
      offset += info.size();
    }
    starts = at;
    offset = 0;
    for (Storage.ObjectInfo info : packs) {
      if (!awaitTurn(offset)) {
        return;
      }
      try {
        storage.prefetch(info.name());
      } catch (RuntimeException e) {
        return; // against the contract, but only a hint was lost
      }
      offset += info.size();
    }
  }

  /** Waits until a pack starting at {@code offset} is within the window; false once closed. */
  private synchronized boolean awaitTurn(long offset) {
    while (!closed && offset >= verifying + window) {
      try {
        wait();
      } catch (InterruptedException e) {
        return false;
      }
    }
    return !closed;
  }
}
