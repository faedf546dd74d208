package org.kho.storage.local;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.kho.storage.ObjectExistsException;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;

/**
 * An object written straight into a temporary file in its kind's folder, then published under its
 * name as {@link DurableFiles#writeNew} publishes a whole one: so a 16 MiB pack passes through the
 * page cache instead of being held in the heap.
 */
final class FileUpload implements Storage.Upload {
  private final Path root;
  private final ObjectKind kind;
  private final Function<ObjectName, Path> paths;
  private final Path temp;
  private final FileChannel channel;
  private boolean finished;

  /** An upload into a new temporary file in {@code folder}; {@code paths} says where a name's file goes. */
  FileUpload(Path root, ObjectKind kind, Path folder, Function<ObjectName, Path> paths) {
    this.root = root;
    this.kind = kind;
    this.paths = paths;
    this.temp = DurableFiles.temp(folder);
    try {
      DurableFiles.makeFolder(folder);
      this.channel = FileChannel.open(temp, CREATE_NEW, WRITE);
    } catch (IOException e) {
      throw Failures.of(root, "write", temp, e);
    }
  }

  @Override
  public void write(byte[] data, int off, int len) {
    if (finished) {
      throw new IllegalStateException("upload already committed or closed");
    }
    try {
      DurableFiles.write(channel, data, off, len);
    } catch (IOException e) {
      throw Failures.of(root, "write", temp, e);
    }
  }

  @Override
  public void commit(ObjectName name) {
    if (finished || name.kind() != kind) {
      throw new IllegalStateException("cannot commit " + name + ": closed, or not a " + kind + " object");
    }
    finished = true;
    Path target = paths.apply(name);
    try {
      if (Files.exists(target)) {
        throw new FileAlreadyExistsException(target.toString());
      }
      DurableFiles.publishWritten(channel, temp, target);
    } catch (FileAlreadyExistsException e) {
      close(channel);
      throw new ObjectExistsException(name, root.toString());
    } catch (IOException e) {
      throw Failures.of(root, "write", target, e);
    } finally {
      DurableFiles.deleteQuietly(temp);
    }
  }

  @Override
  public void close() {
    if (!finished) {
      finished = true;
      close(channel);
      DurableFiles.deleteQuietly(temp);
    }
  }

  private static void close(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing of it is kept: the temporary file is removed
    }
  }
}
