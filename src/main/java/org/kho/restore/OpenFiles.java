package org.kho.restore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a {@link PackRestorer} is writing, each written at offsets as its chunks arrive, from
 * several threads. A file is created at its first chunk and finished (closed, then handed to
 * {@link PackRestorer.Done}) when its last chunk is in or counted as damaged; at most
 * {@link #MAX_OPEN} stay open, the least recently written closed first and opened again when
 * needed. Thread-safe: the bookkeeping is under one lock, the writes are not.
 */
final class OpenFiles {
  /** Files kept open at once: far below the usual limit of 1024 descriptors a process. */
  static final int MAX_OPEN = 256;

  /** One file: how many of its chunks are still to come, and where its written bytes end. */
  static final class Target {
    private final Selection.Entry entry;
    private int remaining;
    private long size;
    private FileChannel channel;
    private boolean created;
    private int users;
    private long end;
    private String failure;

    private Target(Selection.Entry entry, int chunks) {
      this.entry = entry;
      this.remaining = chunks;
    }
  }

  private final PackRestorer.Done done;
  /** The open files, least recently written first. */
  private final Map<Target, Boolean> open = new LinkedHashMap<>(16, 0.75f, true);

  OpenFiles(PackRestorer.Done done) {
    this.done = done;
  }

  /** A file of {@code chunks} chunks to be written, {@code size} bytes in all. */
  Target target(Selection.Entry entry, int chunks, long size) {
    Target t = new Target(entry, chunks);
    t.size = size;
    return t;
  }

  /** Writes one chunk of {@code t} at {@code offset}, unless the file failed already; counts it in. */
  void write(Target t, long offset, byte[] buf, int off, int length) {
    FileChannel ch;
    synchronized (this) {
      try {
        ch = t.failure == null ? acquire(t) : null;
      } catch (IOException e) {
        t.failure = "could not be written: " + e;
        ch = null;
      }
    }
    long end = -1;
    String failure = null;
    if (ch != null) {
      try {
        end = FileRestorer.writeSparse(ch, offset, buf, off, length);
      } catch (IOException e) {
        failure = "could not be written: " + e;
      }
    }
    boolean last;
    synchronized (this) {
      if (ch != null) {
        t.users--;
      }
      t.end = Math.max(t.end, end);
      if (failure != null && t.failure == null) {
        t.failure = failure;
      }
      last = --t.remaining == 0;
    }
    if (last) {
      finish(t);
    }
  }

  /** Counts in a chunk of {@code t} that cannot be written: the file fails with {@code why}. */
  void fail(Target t, String why) {
    boolean last;
    synchronized (this) {
      if (t.failure == null) {
        t.failure = why;
      }
      last = --t.remaining == 0;
    }
    if (last) {
      finish(t);
    }
  }

  /** The open channel of {@code t}, opened (created the first time) if need be; the caller holds the lock. */
  private FileChannel acquire(Target t) throws IOException {
    if (t.channel == null) {
      if (open.size() >= MAX_OPEN) {
        evictOne();
      }
      t.channel = t.created
          ? FileChannel.open(t.entry.destination(), StandardOpenOption.WRITE)
          : FileChannel.open(t.entry.destination(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      t.created = true;
    }
    open.put(t, Boolean.TRUE);
    t.users++;
    return t.channel;
  }

  /** Closes the least recently written file that no thread is writing. */
  private void evictOne() throws IOException {
    for (Iterator<Target> it = open.keySet().iterator(); it.hasNext();) {
      Target t = it.next();
      if (t.users == 0) {
        it.remove();
        FileChannel ch = t.channel;
        t.channel = null;
        ch.close();
        return;
      }
    }
  }

  /** All chunks of {@code t} are counted in: gives it its full length and closes it, or removes it if it failed. */
  private void finish(Target t) {
    FileChannel ch;
    boolean created;
    synchronized (this) {
      open.remove(t);
      ch = t.channel;
      t.channel = null;
      created = t.created;
    }
    String failure = t.failure;
    if (failure == null) {
      try (FileChannel c = ch != null ? ch : FileChannel.open(t.entry.destination(), StandardOpenOption.WRITE)) {
        FileRestorer.finish(c, t.end, t.size);
      } catch (IOException e) {
        failure = "could not be written: " + e;
      }
    }
    if (failure == null) {
      done.written(t.entry);
      return;
    }
    closeQuietly(ch);
    if (created) {
      deleteQuietly(t);
    }
    done.failed(t.entry, failure);
  }

  /** Closes the files left open when a restore stopped on a failure of the target (they stay incomplete). */
  synchronized void closeAll() {
    open.keySet().forEach(t -> closeQuietly(t.channel));
    open.clear();
  }

  private static void closeQuietly(FileChannel ch) {
    try {
      if (ch != null) {
        ch.close();
      }
    } catch (IOException ignored) {
      // the file is removed next
    }
  }

  private static void deleteQuietly(Target t) {
    try {
      Files.deleteIfExists(t.entry.destination());
    } catch (IOException ignored) {
      // reported with the failure already
    }
  }
}
