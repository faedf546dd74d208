package org.kho.storage;

import java.util.List;
import java.util.Optional;

/**
 * Where a repository's objects live: a local or external disk, an SFTP server, memory in tests.
 *
 * <p>The contract every target must keep (checked by {@code StorageContract} in the tests):
 * <ul>
 *   <li>{@link #create} is atomic and durable: once it returns, the whole object survives a crash
 *       or power loss, and no reader ever sees part of it. It never replaces an existing object; if
 *       the name exists it throws {@link ObjectExistsException} and leaves the old bytes alone.</li>
 *   <li>{@link #read} returns exactly the bytes created, or throws {@link NoSuchObjectException}.</li>
 *   <li>{@link #list} returns every object of a kind with its size, in no particular order, and
 *       never a half-written one (temporary files are invisible).</li>
 *   <li>{@link #delete} of a missing object is not an error: it returns {@code false}. (Behind
 *       {@link RetryingStorage}, {@code false} may also mean that an earlier attempt removed it.)</li>
 *   <li>A failure worth trying again (a dropped connection, a timeout) is a
 *       {@link TransientStorageException}; every other failure is permanent.</li>
 *   <li>A full disk surfaces as {@link StorageFullException}; any other I/O failure as
 *       {@link StorageException}, naming the object and the target (never a secret).</li>
 *   <li>Implementations are safe for concurrent use by several threads.</li>
 * </ul>
 */
public interface Storage extends AutoCloseable {

  /** Where this is, for messages: a path or a URL without credentials. */
  String describe();

  /** Writes a new object atomically and durably; see the class contract. */
  void create(ObjectName name, byte[] data);

  /**
   * Writes {@code data[0, length)} as a new object, like {@link #create(ObjectName, byte[])}; the
   * caller may reuse {@code data} once this returns. Targets that can write part of an array
   * override this to save a copy.
   */
  default void create(ObjectName name, byte[] data, int length) {
    java.util.Objects.checkFromIndexSize(0, length, data.length);
    create(name, length == data.length ? data : java.util.Arrays.copyOf(data, length));
  }

  /**
   * A new object of {@code kind} written to the target piece by piece as its bytes come, for an
   * object named only once it is complete (a pack, named by the hash of its bytes), so the writer
   * need not hold it whole in memory. Empty (the default) where the target cannot: the caller then
   * holds the object and {@link #create}s it. Decorators pass on only an upload whose commit can be
   * repeated ({@link Upload#repeatableCommit}), and treat that commit as a create of its bytes, since
   * their concerns (retries, limits) work on whole objects.
   */
  default Optional<Upload> upload(ObjectKind kind) {
    return Optional.empty();
  }

  /**
   * An object being written, invisible to {@link #list}, {@link #exists} and {@link #read} until
   * {@link #commit} stores it under its name with the promises of {@link #create}: atomic, durable,
   * never replacing ({@link ObjectExistsException} if the name exists, the old bytes left alone).
   * {@link #close} without a commit discards what was written; after a commit it does nothing.
   * Used by one thread at a time; the bytes written are copied, the caller may reuse its array.
   */
  interface Upload extends AutoCloseable {
    /** Appends {@code data[off, off+len)}; fails as {@link #create} does (a full disk, ...). */
    void write(byte[] data, int off, int len);

    /** Stores what was written as {@code name}, which must be of the kind the upload was opened for. */
    void commit(ObjectName name);

    /**
     * Whether a {@link #commit} that failed may be called again and sends the object whole once
     * more: true where the upload keeps every byte written (a remote target's spool file), so
     * that a retry of the commit is a retry of a create.
     */
    default boolean repeatableCommit() {
      return false;
    }

    @Override
    void close();
  }

  /** The whole object. */
  byte[] read(ObjectName name);

  /** {@code length} bytes from {@code offset}; fewer only if the object ends first. */
  byte[] read(ObjectName name, long offset, int length);

  /**
   * Reads {@code length} bytes from {@code offset} into {@code into[at, at+length)}, like
   * {@link #read(ObjectName, long, int)}; returns how many, fewer only if the object ends first.
   * Targets that can read into an array override this to save allocating one per read.
   */
  default int read(ObjectName name, long offset, byte[] into, int at, int length) {
    java.util.Objects.checkFromIndexSize(at, length, into.length);
    byte[] bytes = read(name, offset, length);
    System.arraycopy(bytes, 0, into, at, bytes.length);
    return bytes.length;
  }

  /**
   * A hint that {@code name} is about to be read: a target on a filesystem of this machine
   * ({@link #localRoot}) reads it into the operating system's cache now, in the calling thread,
   * so that the coming read finds it there; other targets do nothing (the default). Never fails
   * and never changes what a read returns: a missing or unreadable object is left for the read
   * to report.
   */
  default void prefetch(ObjectName name) {}

  /** The object's size in bytes. */
  long size(ObjectName name);

  boolean exists(ObjectName name);

  /** Every object of {@code kind}. For {@link ObjectKind#CONFIG} at most one entry. */
  List<ObjectInfo> list(ObjectKind kind);

  /** Removes the object; {@code false} if it was not there. */
  boolean delete(ObjectName name);

  /**
   * The local folder the objects are stored in, when they are on a filesystem of this machine;
   * backup uses it to refuse a target on the same filesystem as the data it protects.
   */
  default Optional<java.nio.file.Path> localRoot() {
    return Optional.empty();
  }

  /**
   * How many operations this target serves well at once: a writer with several objects to store
   * may run that many creates in parallel. 1 for a disk (parallel writes only seek); a remote
   * target's connection limit.
   */
  default int parallelism() {
    return 1;
  }

  /**
   * Finds, and with {@code remove} deletes, what interrupted creates and uploads left behind: the
   * target's temporary files, never published, last written before {@code before}. Nothing reads
   * them, so removing one loses nothing; a create still in progress writes its file more recently
   * than any cut-off its caller picks (prune: a day or its grace period, whichever is longer).
   * Targets without temporary files, or that cannot date them, find none (the default).
   */
  default Leftovers leftovers(java.time.Instant before, boolean remove) {
    return Leftovers.NONE;
  }

  @Override
  default void close() {}

  /** One listed object. */
  record ObjectInfo(ObjectName name, long size) {}

  /** Temporary files left behind: how many, and their bytes. */
  record Leftovers(int files, long bytes) {
    public static final Leftovers NONE = new Leftovers(0, 0);
  }
}
