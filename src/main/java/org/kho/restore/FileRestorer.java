package org.kho.restore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.kho.repository.BlobId;
import org.kho.repository.BlobSink;
import org.kho.repository.BlobType;
import org.kho.repository.Node;
import org.kho.repository.Repository;

/** Writes one file's content from its chunks, leaving holes where 64 KiB blocks are all zeros. */
final class FileRestorer {
  private final Repository repo;
  private final RestoreProgress progress;

  FileRestorer(Repository repo, RestoreProgress progress) {
    this.repo = repo;
    this.progress = progress;
  }

  void write(Path dest, Node node) throws IOException {
    try (FileChannel ch = FileChannel.open(dest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      SparseWriter out = new SparseWriter(ch);
      for (String id : node.content()) {
        progress.advanced(repo.readBlob(BlobType.DATA, BlobId.parse(id), out));
      }
      out.finish();
    }
  }

  /**
   * Writes the chunks of one file one after another, skipping 64 KiB blocks that are all zeros
   * (they stay holes) and writing each run of other blocks, up to 1 MiB, in one call.
   */
  private static final class SparseWriter implements BlobSink {
    private static final int RUN = 1 << 20;
    private final FileChannel ch;
    /** Where the next chunk goes, and where the bytes written so far end. */
    private long at;
    private long written;

    SparseWriter(FileChannel ch) {
      this.ch = ch;
    }

    @Override
    public void accept(byte[] buf, int off, int length) throws IOException {
      int run = 0;
      for (int i = 0; i < length; i += ZEROS.length) {
        int n = Math.min(ZEROS.length, length - i);
        boolean zeros = Arrays.mismatch(buf, off + i, off + i + n, ZEROS, 0, n) < 0;
        if (zeros || run + n > RUN) {
          write(buf, off + i - run, run, at + i - run);
          run = 0;
        }
        run += zeros ? 0 : n;
      }
      write(buf, off + length - run, run, at + length - run);
      at += length;
    }

    private void write(byte[] buf, int off, int length, long position) throws IOException {
      if (length == 0) {
        return;
      }
      ByteBuffer b = ByteBuffer.wrap(buf, off, length);
      while (b.hasRemaining()) {
        ch.write(b, position + (b.position() - off));
      }
      written = Math.max(written, position + length);
    }

    /** Gives a file that ends in a hole its full length. */
    void finish() throws IOException {
      if (written < at) {
        ch.write(ByteBuffer.wrap(new byte[1]), at - 1);
      }
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
}
