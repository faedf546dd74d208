package org.kho.restore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.kho.repository.BlobId;
import org.kho.repository.Node;
import org.kho.repository.Repository;

/** Writes chunks into files, leaving holes where 64 KiB blocks are all zeros, and reads files back to verify them. */
final class FileRestorer {
  private final Repository repo;

  FileRestorer(Repository repo) {
    this.repo = repo;
  }

  /**
   * Writes one chunk, {@code buf[off, off+length)}, at {@code position} of a file, skipping 64 KiB
   * blocks that are all zeros (they stay holes) and writing each run of other blocks, up to 1 MiB,
   * in one call. Returns where the last bytes written end, or {@code position} if all were zeros.
   */
  static long writeSparse(FileChannel ch, long position, byte[] buf, int off, int length) throws IOException {
    long written = position;
    int run = 0;
    for (int i = 0; i < length; i += ZEROS.length) {
      int n = Math.min(ZEROS.length, length - i);
      boolean zeros = Arrays.mismatch(buf, off + i, off + i + n, ZEROS, 0, n) < 0;
      if (zeros || run + n > RUN) {
        written = write(ch, buf, off + i - run, run, position + i - run, written);
        run = 0;
      }
      run += zeros ? 0 : n;
    }
    return write(ch, buf, off + length - run, run, position + length - run, written);
  }

  private static long write(FileChannel ch, byte[] buf, int off, int length, long position, long written)
      throws IOException {
    if (length == 0) {
      return written;
    }
    ByteBuffer b = ByteBuffer.wrap(buf, off, length);
    while (b.hasRemaining()) {
      ch.write(b, position + (b.position() - off));
    }
    return Math.max(written, position + length);
  }

  /** Gives a file that ends in a hole its full length {@code size}, when its bytes written end at {@code written}. */
  static void finish(FileChannel ch, long written, long size) throws IOException {
    if (written < size) {
      ch.write(ByteBuffer.wrap(new byte[1]), size - 1);
    }
  }

  /** Whether the file at {@code p} holds exactly the chunks of {@code node}; reads it back. */
  boolean verify(Path p, Node node) throws IOException {
    if (Files.size(p) != node.size()) {
      return false;
    }
    try (InputStream in = Files.newInputStream(p)) {
      for (String id : node.content()) {
        BlobId expected = BlobId.parse(id);
        int len = repo.rawLength(expected);
        byte[] buf = in.readNBytes(len);
        if (len < 0 || buf.length != len || !repo.idOf(buf, 0, len).equals(expected)) {
          return false;
        }
      }
      return in.read() < 0;
    }
  }

  private static final byte[] ZEROS = new byte[64 * 1024];
  private static final int RUN = 1 << 20;
}
