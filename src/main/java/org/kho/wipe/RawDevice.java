package org.kho.wipe;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A device or image file opened for wiping: the body (all whole 4 KiB blocks) through O_DIRECT, so
 * writes reach the device and reads come from it, not from the page cache; the tail of a size that
 * is not a multiple of 4 KiB (image files, odd devices) through an ordinary channel, flushed.
 * Falls back to ordinary I/O (and says so) where the filesystem refuses O_DIRECT, e.g. tmpfs.
 */
final class RawDevice implements AutoCloseable {
  /** Buffer address, I/O size and offset alignment of direct I/O. */
  static final int ALIGN = 4096;
  private final FileChannel body;
  private final FileChannel tail;
  private final long size;
  private final boolean direct;

  private RawDevice(FileChannel body, FileChannel tail, long size, boolean direct) {
    this.body = body;
    this.tail = tail;
    this.size = size;
    this.direct = direct;
  }

  static RawDevice open(Path path, long size) throws IOException {
    FileChannel tail = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      FileChannel body = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
          ExtendedOpenOption.DIRECT);
      return new RawDevice(body, tail, size, true);
    } catch (IOException | UnsupportedOperationException e) {
      return new RawDevice(tail, tail, size, false);
    }
  }

  /** A direct buffer of {@code bytes} (a multiple of {@link #ALIGN}) aligned for direct I/O. */
  static ByteBuffer buffer(int bytes) {
    return ByteBuffer.allocateDirect(bytes + ALIGN).alignedSlice(ALIGN).limit(bytes);
  }

  long size() {
    return size;
  }

  /** Whether the body goes around the page cache. */
  boolean direct() {
    return direct;
  }

  /** Where the direct body ends and the tail starts. */
  long bodyEnd() {
    return direct ? size - size % ALIGN : size;
  }

  void write(ByteBuffer buf, long offset) throws IOException {
    FileChannel ch = offset >= bodyEnd() ? tail : body;
    while (buf.hasRemaining()) {
      offset += ch.write(buf, offset);
    }
  }

  void read(ByteBuffer buf, long offset) throws IOException {
    FileChannel ch = offset >= bodyEnd() ? tail : body;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, offset);
      if (n < 0) {
        throw new IOException("the device ended at " + offset + " bytes, before its size " + size);
      }
      offset += n;
    }
  }

  /** Flushes what was written to the medium (and the device's write cache). */
  void flush() throws IOException {
    body.force(true);
    if (tail != body) {
      tail.force(true);
    }
  }

  @Override
  public void close() throws IOException {
    try (tail) {
      if (body != tail) {
        body.close();
      }
    }
  }
}
