package org.kho.storage.local;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read channels of the files read last, kept open. A restore or check reads a pack blob by blob,
 * and opening, checking and closing the file for each blob cost more system time than reading it.
 * Objects are never rewritten, so a kept channel always reads what the name holds; one deleted
 * since (prune) still reads its old bytes until it is evicted, which for content-addressed
 * objects are the right bytes. Thread-safe: channels are read with positional reads only; a
 * channel evicted by one thread while another reads it makes that read start again on a
 * channel of its own.
 */
final class OpenFiles implements AutoCloseable {
  private final int capacity;
  private final Map<Path, FileChannel> open;

  OpenFiles(int capacity) {
    this.capacity = capacity;
    this.open = new LinkedHashMap<>(capacity * 2, 0.75f, true);
  }

  /** {@code length} bytes of {@code file} from {@code offset}; fewer if the file ends first. */
  byte[] read(Path file, long offset, int length) throws IOException {
    FileChannel channel = channel(file);
    try {
      return DurableFiles.read(channel, offset, length);
    } catch (ClosedByInterruptException e) {
      throw e;
    } catch (ClosedChannelException evicted) {
      return DurableFiles.read(file, offset, length);
    }
  }

  /** Reads {@code length} bytes of {@code file} from {@code offset} into {@code into} at {@code at}; returns how many. */
  int read(Path file, long offset, byte[] into, int at, int length) throws IOException {
    FileChannel channel = channel(file);
    try {
      return DurableFiles.readInto(channel, offset, into, at, length);
    } catch (ClosedByInterruptException e) {
      throw e;
    } catch (ClosedChannelException evicted) {
      try (FileChannel own = FileChannel.open(file, StandardOpenOption.READ)) {
        return DurableFiles.readInto(own, offset, into, at, length);
      }
    }
  }

  private FileChannel channel(Path file) throws IOException {
    synchronized (this) {
      FileChannel kept = open.get(file);
      if (kept != null && kept.isOpen()) {
        return kept;
      }
    }
    FileChannel opened = FileChannel.open(file, StandardOpenOption.READ);
    List<FileChannel> evicted = new ArrayList<>();
    FileChannel chosen;
    synchronized (this) {
      FileChannel raced = open.get(file);
      if (raced != null && raced.isOpen()) {
        evicted.add(opened);
        chosen = raced;
      } else {
        open.put(file, opened);
        chosen = opened;
        var oldest = open.entrySet().iterator();
        while (open.size() > capacity) {
          evicted.add(oldest.next().getValue());
          oldest.remove();
        }
      }
    }
    closeAll(evicted);
    return chosen;
  }

  /** Closes the channel of {@code file}, if kept: it is about to be deleted. */
  void forget(Path file) {
    FileChannel kept;
    synchronized (this) {
      kept = open.remove(file);
    }
    if (kept != null) {
      closeAll(List.of(kept));
    }
  }

  /** Closes every kept channel; reads after this open channels again. */
  @Override
  public void close() {
    List<FileChannel> all;
    synchronized (this) {
      all = new ArrayList<>(open.values());
      open.clear();
    }
    closeAll(all);
  }

  private static void closeAll(List<FileChannel> channels) {
    for (FileChannel c : channels) {
      try {
        c.close();
      } catch (IOException ignored) {
        // a read-only channel has nothing to lose on close
      }
    }
  }
}
