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
      long at = 0;
      for (String id : node.content()) {
        byte[] data = repo.readBlob(BlobType.DATA, BlobId.parse(id));
        for (int off = 0; off < data.length; off += ZEROS.length) {
          int n = Math.min(ZEROS.length, data.length - off);
          if (Arrays.mismatch(data, off, off + n, ZEROS, 0, n) >= 0) {
            ByteBuffer b = ByteBuffer.wrap(data, off, n);
            while (b.hasRemaining()) {
              ch.write(b, at + b.position());
            }
          }
        }
        at += data.length;
        progress.advanced(data.length);
      }
      if (ch.size() < at) {
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
