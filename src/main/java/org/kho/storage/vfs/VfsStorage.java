package org.kho.storage.vfs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.vfs2.FileObject;
import org.apache.commons.vfs2.FileSystemException;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.FileType;
import org.apache.commons.vfs2.RandomAccessContent;
import org.apache.commons.vfs2.impl.DefaultFileSystemManager;
import org.apache.commons.vfs2.util.RandomAccessMode;
import org.kho.storage.NoSuchObjectException;
import org.kho.storage.ObjectExistsException;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;
import org.kho.storage.StorageException;
import org.kho.storage.TransientStorageException;

/**
 * A repository in a folder of an SFTP server, reached through commons-vfs2: each object is
 * the file {@code path/}{@link ObjectName#path()} on the server, as on a local disk.
 *
 * <p>A create uploads to a {@code tmp-} file beside the object's place, checks that the server
 * holds every byte, then renames it to the object's name. SFTP servers refuse to rename onto an
 * existing file (OpenSSH links, then unlinks), and the name is checked just before
 * the rename, so an object is never replaced; only two writers of one name racing past that check
 * could both publish, and then both stored the same bytes (names are hashes of contents). The
 * server decides durability: SFTP has no fsync in its base protocol, so a create is as durable as
 * the server's close of a file.
 *
 * <p>Safe for concurrent use: VFS opens a channel per concurrent operation over the one login. Every wait for the server is bounded by the timeout of
 * {@link RemoteAccess}; a broken connection fails the operation with a
 * {@link TransientStorageException}, and the next operation connects again.
 */
public final class VfsStorage implements Storage {
  /** Temporary files start with this: no object name does, and FTP servers list dot-files only on request. */
  private static final String TEMP_PREFIX = "tmp-";
  private static final int SLICE = 1 << 20;
  private final DefaultFileSystemManager manager;
  private final FileObject root;
  private final RemoteUrl url;
  private final Failures failures;
  private final Set<String> knownFolders = ConcurrentHashMap.newKeySet();

  private VfsStorage(DefaultFileSystemManager manager, FileObject root, RemoteUrl url, Failures failures) {
    this.manager = manager;
    this.root = root;
    this.url = url;
    this.failures = failures;
  }

  /** The repository in the existing folder {@code url} names. */
  public static VfsStorage open(RemoteUrl url, RemoteAccess access) {
    VfsStorage storage = connect(url, access);
    if (!storage.isFolder(storage.root, "open the repository folder")) {
      storage.close();
      throw new StorageException("no repository folder at " + url,
          "check the URL's path (it is absolute on the server) and that the user may see it", null);
    }
    return storage;
  }

  /** A new repository at {@code url}: makes the folder unless it exists; refuses one that holds anything. */
  public static VfsStorage create(RemoteUrl url, RemoteAccess access) {
    VfsStorage storage = connect(url, access);
    try {
      storage.root.createFolder();
      if (storage.root.getChildren().length > 0) {
        throw new StorageException(url + " is not empty",
            "a new repository needs an empty folder: choose a new one, e.g. " + url + "/kho", null);
      }
      for (ObjectKind kind : ObjectKind.values()) {
        storage.folder(kind.folder());
      }
      return storage;
    } catch (FileSystemException e) {
      storage.close();
      throw storage.failures.of("create", "the repository folder", e);
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
  }

  private static VfsStorage connect(RemoteUrl url, RemoteAccess access) {
    HostKeyPrompt prompt = new HostKeyPrompt();
    Failures failures = new Failures(url, access.knownHosts(), prompt);
    DefaultFileSystemManager manager = null;
    try {
      manager = Connections.manager();
      FileSystemOptions options = Connections.options(url, access, prompt);
      return new VfsStorage(manager, manager.resolveFile(url.vfsUri(), options), url, failures);
    } catch (FileSystemException e) {
      if (manager != null) {
        manager.close();
      }
      throw failures.of("connect to", "the server", e);
    }
  }

  @Override
  public String describe() {
    return url.toString();
  }

  @Override
  public void create(ObjectName name, byte[] data) {
    create(name, data, data.length);
  }

  @Override
  public void create(ObjectName name, byte[] data, int length) {
    java.util.Objects.checkFromIndexSize(0, length, data.length);
    store(name, length, temp -> send(temp, new ByteArrayInputStream(data, 0, length)));
  }

  /**
   * An upload spooled to a local temporary file and sent whole at its commit, on the committing
   * thread (see {@link SpooledUpload}): a backup's packs go out several at once while the next
   * fill, with no pack held in memory, and a failed commit is tried again from the file.
   */
  @Override
  public Optional<Upload> upload(ObjectKind kind) {
    return Optional.of(SpooledUpload.open(kind, describe(), (name, spool, length) -> store(name, length, temp -> {
      try (InputStream in = Files.newInputStream(spool)) {
        send(temp, in);
      }
    })));
  }

  /** Writes {@code length} bytes, as {@code transfer} sends them to a temporary file, as the new object {@code name}. */
  private void store(ObjectName name, long length, Transfer transfer) {
    String path = name.path();
    try {
      FileObject target = root.resolveFile(path);
      if (target.exists()) {
        throw new ObjectExistsException(name, describe());
      }
      String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
      folder(parent);
      FileObject temp = root.resolveFile((parent.isEmpty() ? "" : parent + "/") + TEMP_PREFIX + UUID.randomUUID());
      boolean published = false;
      try {
        upload(temp, transfer, length, name);
        publish(temp, target, name);
        published = true;
      } finally {
        if (!published) {
          deleteQuietly(temp);
        }
      }
    } catch (IOException e) {
      throw failures.of("write", path, e);
    }
  }

  private void upload(FileObject temp, Transfer transfer, long length, ObjectName name) throws IOException {
    transfer.to(temp);
    temp.refresh();
    long stored = temp.getContent().getSize();
    if (stored != length) {
      throw new TransientStorageException("the server holds " + stored + " of the " + length + " bytes written to "
          + name + " on " + url, "Kho tries again by itself; if it recurs, check the server's disk", null);
    }
  }

  /**
   * Writes all of {@code in} as {@code temp}, straight into JSch's packets ({@link
   * PooledSftpProvider.Pooled#put}): VFS's output stream copied each slice into them, behind a
   * 1 MiB buffer of its own per file.
   */
  private static void send(FileObject temp, InputStream in) throws IOException {
    ((PooledSftpProvider.Pooled) temp.getFileSystem()).put(temp.getName(), in);
  }

  private void publish(FileObject temp, FileObject target, ObjectName name) throws FileSystemException {
    target.refresh();
    if (target.exists()) {
      throw new ObjectExistsException(name, describe());
    }
    try {
      temp.moveTo(target);
    } catch (FileSystemException e) {
      target.refresh();
      if (target.exists()) {
        throw new ObjectExistsException(name, describe());
      }
      throw e;
    }
  }

  /** Makes the folder at {@code path} under the root unless this storage has seen it already. */
  private void folder(String path) throws FileSystemException {
    if (!path.isEmpty() && !knownFolders.contains(path)) {
      root.resolveFile(path).createFolder();
      knownFolders.add(path);
    }
  }

  @Override
  public byte[] read(ObjectName name) {
    return reading(name, file -> {
      try (InputStream in = file.getContent().getInputStream(SLICE)) {
        return in.readAllBytes();
      }
    });
  }

  @Override
  public byte[] read(ObjectName name, long offset, int length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset " + offset + " and length " + length + " must not be negative");
    }
    return reading(name, file -> {
      long size = file.getContent().getSize();
      if (offset >= size || length == 0) {
        return new byte[0];
      }
      try (RandomAccessContent content = file.getContent().getRandomAccessContent(RandomAccessMode.READ)) {
        content.seek(offset);
        try (InputStream in = content.getInputStream()) {
          return in.readNBytes((int) Math.min(length, size - offset));
        }
      }
    });
  }

  @Override
  public long size(ObjectName name) {
    return reading(name, file -> file.getContent().getSize());
  }

  @Override
  public boolean exists(ObjectName name) {
    try {
      return root.resolveFile(name.path()).getType() == FileType.FILE;
    } catch (FileSystemException e) {
      throw failures.of("look for", name.path(), e);
    }
  }

  @Override
  public List<ObjectInfo> list(ObjectKind kind) {
    List<ObjectInfo> found = new ArrayList<>();
    try {
      FileObject folder = kind.folder().isEmpty() ? root : root.resolveFile(kind.folder());
      if (kind != ObjectKind.DATA) {
        listInto(kind, folder, found);
        return found;
      }
      for (FileObject sub : children(folder)) {
        if (sub.getType() == FileType.FOLDER && sub.getName().getBaseName().matches("[0-9a-f]{2}")) {
          listInto(kind, sub, found);
        }
      }
      return found;
    } catch (FileSystemException e) {
      throw failures.of("list", kind.folder().isEmpty() ? "the repository folder" : kind.folder(), e);
    }
  }

  private void listInto(ObjectKind kind, FileObject folder, List<ObjectInfo> found) throws FileSystemException {
    for (FileObject child : children(folder)) {
      String fileName = child.getName().getBaseName();
      boolean inItsFolder = kind != ObjectKind.DATA || fileName.startsWith(folder.getName().getBaseName());
      if (ObjectName.valid(kind, fileName) && inItsFolder && child.getType() == FileType.FILE) {
        found.add(new ObjectInfo(ObjectName.of(kind, fileName), child.getContent().getSize()));
      }
    }
  }

  /** The entries of {@code folder}; none if it does not exist (nothing was written there yet). */
  private static FileObject[] children(FileObject folder) throws FileSystemException {
    folder.refresh();
    return folder.getType() == FileType.FOLDER ? folder.getChildren() : new FileObject[0];
  }

  @Override
  public boolean delete(ObjectName name) {
    try {
      return root.resolveFile(name.path()).delete();
    } catch (FileSystemException e) {
      throw failures.of("delete", name.path(), e);
    }
  }

  @Override
  public void close() {
    manager.close();
  }

  private boolean isFolder(FileObject file, String action) {
    try {
      return file.getType() == FileType.FOLDER;
    } catch (FileSystemException e) {
      close();
      throw failures.of(action, url.path(), e);
    }
  }

  private <T> T reading(ObjectName name, FileReader<T> reader) {
    try {
      FileObject file = root.resolveFile(name.path());
      if (file.getType() != FileType.FILE) {
        throw new NoSuchObjectException(name, describe());
      }
      return reader.read(file);
    } catch (IOException e) {
      throw failures.of("read", name.path(), e);
    }
  }

  private static void deleteQuietly(FileObject file) {
    try {
      file.refresh();
      if (file.exists()) {
        file.delete();
      }
    } catch (FileSystemException ignored) {
      // a leftover temporary file is invisible to listing and harmless
    }
  }

  /** Sends an object's bytes to the temporary file it is uploaded to. */
  @FunctionalInterface
  private interface Transfer {
    void to(FileObject temp) throws IOException;
  }

  /** Reads something from one object's file. */
  @FunctionalInterface
  private interface FileReader<T> {
    T read(FileObject file) throws IOException;
  }
}
