package org.kho.storage.vfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectExistsException;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;
import org.kho.storage.StorageException;

/**
 * An upload to a remote target gathered in a local temporary file (the spool) and sent whole at
 * {@link #commit}: the writer goes on at local-disk speed while earlier objects go out on other
 * threads, the heap holds none of it, and a commit that failed on the network can be tried again
 * from the file ({@link #repeatableCommit}). The spool is removed once the object is stored or the
 * upload closed. It holds what the writer gave (for a pack: sealed, encrypted bytes).
 */
final class SpooledUpload implements Storage.Upload {
  private final ObjectKind kind;
  private final String target;
  private final Sender sender;
  private final Path spool;
  private final FileChannel channel;
  private long written;
  private boolean stored;

  /** Sends a spool file of {@code length} bytes to the target as the object {@code name}. */
  @FunctionalInterface
  interface Sender {
    void send(ObjectName name, Path spool, long length);
  }

  private SpooledUpload(ObjectKind kind, String target, Sender sender, Path spool, FileChannel channel) {
    this.kind = kind;
    this.target = target;
    this.sender = sender;
    this.spool = spool;
    this.channel = channel;
  }

  /** A new upload of a {@code kind} object to {@code target} (for messages), spooled in the JVM's temporary folder. */
  static SpooledUpload open(ObjectKind kind, String target, Sender sender) {
    Path spool = null;
    try {
      spool = Files.createTempFile("kho-upload-", ".tmp");
      return new SpooledUpload(kind, target, sender, spool, FileChannel.open(spool, StandardOpenOption.WRITE));
    } catch (IOException e) {
      deleteQuietly(spool);
      throw failed(spool, e);
    }
  }

  @Override
  public void write(byte[] data, int off, int len) {
    if (stored || !channel.isOpen()) {
      throw new IllegalStateException("upload already committed or closed");
    }
    try {
      ByteBuffer buffer = ByteBuffer.wrap(data, off, len);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      throw failed(spool, e);
    }
    written += len;
  }

  /**
   * Sends the spool as {@code name}; after a failure the spool stays, for another try. Once sent,
   * a commit again (a retry whose first answer was lost) finds the name taken.
   */
  @Override
  public void commit(ObjectName name) {
    if (stored) {
      throw new ObjectExistsException(name, target);
    }
    if (!channel.isOpen() || name.kind() != kind) {
      throw new IllegalStateException("cannot commit " + name + ": committed, closed, or not a " + kind + " object");
    }
    sender.send(name, spool, written);
    stored = true;
    close();
  }

  /** The local file the bytes gather in. */
  Path spool() {
    return spool;
  }

  @Override
  public boolean repeatableCommit() {
    return true;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // only the spool's own file, removed next
    }
    deleteQuietly(spool);
  }

  private static void deleteQuietly(Path spool) {
    try {
      if (spool != null) {
        Files.deleteIfExists(spool);
      }
    } catch (IOException ignored) {
      // a leftover kho-upload-*.tmp in the temporary folder is harmless
    }
  }

  private static StorageException failed(Path spool, IOException e) {
    String where = spool == null ? System.getProperty("java.io.tmpdir") : spool.toString();
    return new StorageException("could not write the local temporary copy of an upload, " + where + " (" + e.getMessage()
        + ")", "free space in that folder, or give Kho another: JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=FOLDER", e);
  }
}
