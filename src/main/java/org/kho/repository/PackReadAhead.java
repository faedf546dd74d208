package org.kho.repository;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
  private static final Comparator<Storage.ObjectInfo> BY_NAME = Comparator.comparing(info -> info.name().name());

  private final Storage storage;
  private final long window;
  private final Thread thread;
  /** The packs in fetching order, and where each starts in it (in bytes); set together once listed. */
  private volatile Listed listed;
  /** Where the furthest pack verified so far starts, in bytes of the fetching order. */
  private long reached;
  private boolean closed;

  private PackReadAhead(Storage storage, long window) {
    this.storage = storage;
    this.window = window;
    this.thread = Thread.ofPlatform().daemon().name("kho-read-ahead").unstarted(this::fetch);
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
    ahead.thread.start();
    return ahead;
  }

  /** Says that pack {@code pack} is being verified now: fetching may run up to a window past its start. */
  void verifying(String pack) {
    Listed known = listed;
    int i = known == null ? -1 : Arrays.binarySearch(known.names, pack);
    if (i >= 0) {
      synchronized (this) {
        reached = Math.max(reached, known.starts[i]);
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
    Listed known;
    try {
      known = new Listed(storage.list(ObjectKind.DATA).stream().sorted(BY_NAME).toList());
    } catch (RuntimeException e) {
      return; // the check lists the packs itself and reports what is wrong
    }
    listed = known;
    for (int i = 0; i < known.packs.size(); i++) {
      if (!awaitTurn(known.starts[i])) {
        return;
      }
      try {
        storage.prefetch(known.packs.get(i).name());
      } catch (RuntimeException e) {
        return; // against the contract, but only a hint was lost
      }
    }
  }

  /** Packs in name order, their names, and the sum of the sizes of those before each. */
  private record Listed(List<Storage.ObjectInfo> packs, String[] names, long[] starts) {
    Listed(List<Storage.ObjectInfo> packs) {
      this(packs, packs.stream().map(info -> info.name().name()).toArray(String[]::new), new long[packs.size()]);
      for (int i = 1; i < packs.size(); i++) {
        starts[i] = starts[i - 1] + packs.get(i - 1).size();
      }
    }
  }

  /** Waits until a pack starting at {@code offset} is within the window; false once closed. */
  private synchronized boolean awaitTurn(long offset) {
    while (!closed && offset >= reached + window) {
      try {
        wait();
      } catch (InterruptedException e) {
        return false;
      }
    }
    return !closed;
  }
}
