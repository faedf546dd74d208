package org.kho.storage.local;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.UUID;

/**
 * File operations that keep the local target's promises: a new file appears whole or not at all,
 * survives a power loss once written, and never replaces an existing one.
 */
final class DurableFiles {
  /** Temporary files start with this; no object name does, so listing never shows them. */
  static final String TEMP_PREFIX = ".tmp-";
  /** Bytes per read or write call, so the JDK's per-thread direct buffers stay small. */
  private static final int CHUNK = 1 << 20;
  private static final long LARGEST_ARRAY = Integer.MAX_VALUE - 8;

  private DurableFiles() {}

  /**
   * Writes {@code data[0, length)} to a new file {@code target}: first to a temporary file beside it, forced
   * to the disk, then published under the final name, then the folder is forced. Makes the folder
   * if it is missing. On failure the temporary file is removed and nothing appears at {@code target}.
   *
   * @throws FileAlreadyExistsException if {@code target} exists; it is left as it was
   */
  static void writeNew(Path target, byte[] data, int length) throws IOException {
    Path folder = target.getParent();
    makeFolder(folder);
    Path temp = temp(folder);
    FileChannel channel = FileChannel.open(temp, CREATE_NEW, WRITE);
    try {
      write(channel, data, 0, length);
    } catch (IOException e) {
      channel.close();
      deleteQuietly(temp);
      throw e;
    }
    publishWritten(channel, temp, target);
  }

  /** A name for a new temporary file in {@code folder}, which listing never shows. */
  static Path temp(Path folder) {
    return folder.resolve(TEMP_PREFIX + UUID.randomUUID());
  }

  /** Appends {@code data[off, off+len)} to {@code channel}, a block at a time. */
  static void write(FileChannel channel, byte[] data, int off, int len) throws IOException {
    for (int done = 0; done < len; ) {
      done += channel.write(ByteBuffer.wrap(data, off + done, Math.min(CHUNK, len - done)));
    }
  }

  /**
   * Publishes the temporary file {@code temp}, written through {@code channel}, as the new file
   * {@code target}, as {@link #writeNew} does: forced to the disk, named, the folder forced. The
   * channel is closed and the temporary name removed, whatever happens.
   *
   * @throws FileAlreadyExistsException if {@code target} exists; it is left as it was
   */
  static void publishWritten(FileChannel channel, Path temp, Path target) throws IOException {
    try (channel) {
      channel.force(true);
      channel.close();
      makeFolder(target.getParent());
      publish(temp, target);
    } finally {
      deleteQuietly(temp);
    }
    syncFolder(target.getParent());
  }

  /**
   * Gives {@code temp} the name {@code target} in one step. A hard link fails if the target exists,
   * so of two writers of one name exactly one wins. Where the filesystem has no hard links (FAT,
   * exFAT, some network shares) an atomic rename follows a check instead: two writers racing past
   * the check both succeed, the later replacing the earlier in one step. Objects other than config
   * are named by their content, so both wrote the same bytes and readers see a whole file either way.
   */
  private static void publish(Path temp, Path target) throws IOException {
    try {
      Files.createLink(target, temp);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (UnsupportedOperationException | FileSystemException noLinks) {
      if (Files.exists(target)) {
        throw new FileAlreadyExistsException(target.toString());
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** Makes {@code folder} (and its parents) if it is missing, and forces the new entry to the disk. */
  static void makeFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder);
      syncFolder(folder.getParent());
    }
  }

  /**
   * Forces a folder's entries to the disk, so a new name in it survives a power loss. Skipped where
   * the platform cannot open or force a folder (Windows, some network filesystems), since nothing
   * better can be done there.
   */
  static void syncFolder(Path folder) {
    if (folder == null) {
      return;
    }
    try (FileChannel channel = FileChannel.open(folder, READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException refused) {
      // this platform keeps folder entries durable its own way, or not at all
    }
  }

  /** The whole file. */
  static byte[] readAll(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, READ)) {
      long size = channel.size();
      if (size > LARGEST_ARRAY) {
        throw new IOException("too large to read at once (" + size + " bytes)");
      }
      return readAt(channel, 0, (int) size);
    }
  }

  /** {@code length} bytes from {@code offset}; fewer if the file ends first. */
  static byte[] read(Path file, long offset, int length) throws IOException {
    try (FileChannel channel = FileChannel.open(file, READ)) {
      return read(channel, offset, length);
    }
  }

  /** {@code length} bytes of an open file from {@code offset}; fewer if the file ends first. */
  static byte[] read(FileChannel channel, long offset, int length) throws IOException {
    return readAt(channel, offset, (int) Math.min(length, Math.max(0, channel.size() - offset)));
  }

  private static byte[] readAt(FileChannel channel, long offset, int length) throws IOException {
    byte[] bytes = new byte[length];
    int done = readInto(channel, offset, bytes, 0, length);
    return done == length ? bytes : Arrays.copyOf(bytes, done);
  }

  /** Reads up to {@code length} bytes of an open file from {@code offset} into {@code into} at {@code at}; returns how many. */
  static int readInto(FileChannel channel, long offset, byte[] into, int at, int length) throws IOException {
    int done = 0;
    while (done < length) {
      int n = channel.read(ByteBuffer.wrap(into, at + done, Math.min(CHUNK, length - done)), offset + done);
      if (n < 0) {
        break;
      }
      done += n;
    }
    return done;
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover temporary file is invisible to listing and harmless
    }
  }
}
