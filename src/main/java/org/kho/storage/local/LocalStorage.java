package org.kho.storage.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.kho.storage.NoSuchObjectException;
import org.kho.storage.ObjectExistsException;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;
import org.kho.storage.StorageException;

/**
 * A repository in a folder of a local or external disk: each object is the file
 * {@code root/}{@link ObjectName#path()}. Works on any {@link Path}, not only the default
 * filesystem. Safe for concurrent use: it holds no state but the root and the read channels of
 * the packs read last ({@link OpenFiles}), which {@link #close()} closes.
 *
 * <p>{@link #create(Path)} makes every kind's folder and the 256 {@code data} sub-folders at once;
 * a sub-folder that has gone missing since (some copy tools skip empty folders) is made again by
 * the first object written into it.
 */
public final class LocalStorage implements Storage {
  private static final List<String> DATA_FOLDERS =
      IntStream.range(0, 256).mapToObj(i -> HexFormat.of().toHexDigits((byte) i)).toList();

  /** Packs kept open for ranged reads: a few per restore or check thread. */
  private static final int OPEN_PACKS = 32;
  private static final Path DEV_NULL = Path.of("/dev/null");

  private final Path root;
  private final OpenFiles openPacks = new OpenFiles(OPEN_PACKS);

  private LocalStorage(Path root) {
    this.root = root;
  }

  /** The repository in the existing folder {@code root}. */
  public static LocalStorage open(Path root) {
    if (!Files.isDirectory(root)) {
      throw new StorageException(
          "no repository folder at " + root + (Files.exists(root) ? ": it is a file" : ""),
          "check the target's path and that its disk is mounted", null);
    }
    return new LocalStorage(root);
  }

  /**
   * A new, empty repository at {@code root}: makes the folder unless it exists, then the folder of
   * every kind. Refuses a folder that holds anything already.
   */
  public static LocalStorage create(Path root) {
    try {
      Files.createDirectories(root);
      refuseNonEmpty(root);
      LocalStorage storage = new LocalStorage(root);
      storage.makeKindFolders();
      return storage;
    } catch (FileAlreadyExistsException e) {
      throw new StorageException(root + " is a file", "choose a folder for the repository", e);
    } catch (IOException e) {
      throw Failures.of(root, "create", root, e);
    }
  }

  private static void refuseNonEmpty(Path root) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      if (entries.iterator().hasNext()) {
        throw new StorageException(root + " is not empty",
            "a new repository needs an empty folder: choose a new one, e.g. " + root.resolve("kho"), null);
      }
    }
  }

  private void makeKindFolders() throws IOException {
    for (ObjectKind kind : ObjectKind.values()) {
      for (Path folder : folders(kind)) {
        Files.createDirectories(folder);
      }
    }
    DurableFiles.syncFolder(root.resolve(ObjectKind.DATA.folder()));
    DurableFiles.syncFolder(root);
    DurableFiles.syncFolder(root.toAbsolutePath().getParent());
  }

  @Override
  public String describe() {
    return root.toString();
  }

  @Override
  public Optional<Path> localRoot() {
    return Optional.of(root);
  }

  @Override
  public void create(ObjectName name, byte[] data) {
    create(name, data, data.length);
  }

  @Override
  public void create(ObjectName name, byte[] data, int length) {
    java.util.Objects.checkFromIndexSize(0, length, data.length);
    Path target = path(name);
    if (Files.exists(target)) {
      throw new ObjectExistsException(name, describe());
    }
    try {
      DurableFiles.writeNew(target, data, length);
    } catch (FileAlreadyExistsException e) {
      throw new ObjectExistsException(name, describe());
    } catch (IOException e) {
      throw Failures.of(root, "write", target, e);
    }
  }

  /** Writes into a temporary file in the kind's folder, published under its name at commit. */
  @Override
  public Optional<Upload> upload(ObjectKind kind) {
    return Optional.of(new FileUpload(root, kind, root.resolve(kind.folder()), this::path));
  }

  @Override
  public byte[] read(ObjectName name) {
    return reading(name, DurableFiles::readAll);
  }

  @Override
  public byte[] read(ObjectName name, long offset, int length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset " + offset + " and length " + length + " must not be negative");
    }
    if (name.kind() == ObjectKind.DATA) {
      return reading(name, file -> openPacks.read(file, offset, length));
    }
    return reading(name, file -> DurableFiles.read(file, offset, length));
  }

  @Override
  public int read(ObjectName name, long offset, byte[] into, int at, int length) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset " + offset + " must not be negative");
    }
    java.util.Objects.checkFromIndexSize(at, length, into.length);
    if (name.kind() == ObjectKind.DATA) {
      return reading(name, file -> openPacks.read(file, offset, into, at, length));
    }
    return Storage.super.read(name, offset, into, at, length);
  }

  /**
   * Sends the object's file to {@code /dev/null} ({@code sendfile}: the kernel reads it into the
   * page cache without copying it into this process); nothing on a filesystem the kernel does not
   * cache (Jimfs in tests).
   */
  @Override
  public void prefetch(ObjectName name) {
    if (root.getFileSystem() != FileSystems.getDefault()) {
      return;
    }
    try (FileChannel file = FileChannel.open(path(name), StandardOpenOption.READ);
        FileChannel sink = FileChannel.open(DEV_NULL, StandardOpenOption.WRITE)) {
      long size = file.size();
      for (long done = 0, n; done < size; done += n) {
        if ((n = file.transferTo(done, size - done, sink)) <= 0) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // a hint only: the read that follows reports what is wrong
    }
  }

  @Override
  public long size(ObjectName name) {
    return reading(name, Files::size);
  }

  @Override
  public boolean exists(ObjectName name) {
    return Files.isRegularFile(path(name));
  }

  @Override
  public List<ObjectInfo> list(ObjectKind kind) {
    List<ObjectInfo> found = new ArrayList<>();
    for (Path folder : folders(kind)) {
      try {
        listInto(kind, folder, found);
      } catch (NoSuchFileException e) {
        // a folder nothing was written to yet holds nothing
      } catch (IOException e) {
        throw Failures.of(root, "list", folder, e);
      }
    }
    return found;
  }

  @Override
  public boolean delete(ObjectName name) {
    Path file = path(name);
    openPacks.forget(file);
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw Failures.of(root, "delete", file, e);
    }
  }

  /** Adds the objects in {@code folder}: files where an object of {@code kind} of that name lives. */
  private void listInto(ObjectKind kind, Path folder, List<ObjectInfo> found) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        String fileName = entry.getFileName().toString();
        if (ObjectName.valid(kind, fileName) && path(ObjectName.of(kind, fileName)).equals(entry)) {
          sizeOfFile(entry).ifPresent(size -> found.add(new ObjectInfo(ObjectName.of(kind, fileName), size)));
        }
      }
    }
  }

  /** The size of a regular file; empty for a folder or a file deleted meanwhile. */
  private static Optional<Long> sizeOfFile(Path entry) throws IOException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
      return attributes.isRegularFile() ? Optional.of(attributes.size()) : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** The folders holding objects of {@code kind}: the root for config, 256 for data, else one. */
  /** The {@code .tmp-} files of every kind's folder (and of {@code data/}'s sub-folders) that are old enough. */
  @Override
  public Leftovers leftovers(Instant before, boolean remove) {
    int files = 0;
    long bytes = 0;
    for (Path folder : tempFolders()) {
      try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, DurableFiles.TEMP_PREFIX + "*")) {
        for (Path temp : temps) {
          BasicFileAttributes a = attributes(temp);
          if (a != null && a.isRegularFile() && a.lastModifiedTime().toInstant().isBefore(before)
              && (!remove || Files.deleteIfExists(temp))) {
            files++;
            bytes += a.size();
          }
        }
      } catch (NoSuchFileException e) {
        // no folder, no leftovers
      } catch (IOException e) {
        throw Failures.of(root, remove ? "delete" : "list", folder, e);
      }
    }
    return new Leftovers(files, bytes);
  }

  /** Where creates and uploads put their temporary files: every kind's folder, and data/ itself for uploads. */
  private List<Path> tempFolders() {
    List<Path> folders = new ArrayList<>();
    for (ObjectKind kind : ObjectKind.values()) {
      folders.addAll(folders(kind));
    }
    folders.add(root.resolve(ObjectKind.DATA.folder()));
    return folders;
  }

  /** A file's attributes, or null when it is gone (published or removed meanwhile). */
  private static BasicFileAttributes attributes(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private List<Path> folders(ObjectKind kind) {
    Path folder = root.resolve(kind.folder());
    return kind == ObjectKind.DATA ? DATA_FOLDERS.stream().map(folder::resolve).toList() : List.of(folder);
  }

  /** Closes the packs kept open for reading; the storage stays usable. */
  @Override
  public void close() {
    openPacks.close();
  }

  private Path path(ObjectName name) {
    return root.resolve(name.path());
  }

  private <T> T reading(ObjectName name, FileReader<T> reader) {
    Path file = path(name);
    try {
      return reader.read(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchObjectException(name, describe());
    } catch (IOException e) {
      throw Failures.of(root, "read", file, e);
    }
  }

  /** Reads something from one object's file. */
  @FunctionalInterface
  private interface FileReader<T> {
    T read(Path file) throws IOException;
  }
}
