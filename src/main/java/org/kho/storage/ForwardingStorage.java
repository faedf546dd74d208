package org.kho.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Storage} that hands every call to another one, for decorators that add one concern
 * around some calls ({@link RetryingStorage}, {@link ConcurrencyLimitedStorage}, ...). Each
 * decorator overrides {@link #call}, through which every operation passes, and may override the
 * operations it treats apart.
 */
public abstract class ForwardingStorage implements Storage {
  /** The wrapped target. */
  protected final Storage inner;

  protected ForwardingStorage(Storage inner) {
    this.inner = inner;
  }

  /** One operation on the wrapped target, as a value a decorator can run, repeat or delay. */
  @FunctionalInterface
  protected interface Operation<T> {
    T run();
  }

  /** What an operation does, for the decorators that treat them differently. */
  protected enum Kind {
    /** Creates an object: moves {@code bytes} and changes the target. */
    CREATE,
    /** Reads bytes of an object: moves {@code bytes}. */
    READ,
    /** Asks about objects (size, exists, list): changes nothing. */
    QUERY,
    /** Deletes an object: repeating it is harmless. */
    DELETE
  }

  /**
   * Runs {@code op} on the wrapped target. {@code bytes} is what it moves over the wire (the
   * created bytes, or the bytes asked for by a read); 0 for queries and deletes.
   */
  protected <T> T call(Kind kind, ObjectName name, long bytes, Operation<T> op) {
    return op.run();
  }

  @Override
  public String describe() {
    return inner.describe();
  }

  @Override
  public int parallelism() {
    return inner.parallelism();
  }

  @Override
  public Leftovers leftovers(java.time.Instant before, boolean remove) {
    return inner.leftovers(before, remove);
  }

  @Override
  public void create(ObjectName name, byte[] data) {
    call(Kind.CREATE, name, data.length, () -> {
      inner.create(name, data);
      return null;
    });
  }

  /** Passes part of a buffer on as it is, so that no layer copies a pack. */
  @Override
  public void create(ObjectName name, byte[] data, int length) {
    java.util.Objects.checkFromIndexSize(0, length, data.length);
    call(Kind.CREATE, name, length, () -> {
      inner.create(name, data, length);
      return null;
    });
  }

  /**
   * The wrapped target's upload when its commit can be repeated, the commit going through
   * {@link #call} as a create of the bytes written; none otherwise (a target that streams without
   * keeping the bytes could not be retried or limited as a whole object).
   */
  @Override
  public Optional<Upload> upload(ObjectKind kind) {
    Optional<Upload> opened = inner.upload(kind);
    if (opened.isPresent() && !opened.get().repeatableCommit()) {
      opened.get().close();
      return Optional.empty();
    }
    return opened.map(ForwardedUpload::new);
  }

  @Override
  public byte[] read(ObjectName name) {
    return call(Kind.READ, name, 0, () -> inner.read(name));
  }

  @Override
  public byte[] read(ObjectName name, long offset, int length) {
    return call(Kind.READ, name, length, () -> inner.read(name, offset, length));
  }

  @Override
  public int read(ObjectName name, long offset, byte[] into, int at, int length) {
    return call(Kind.READ, name, length, () -> inner.read(name, offset, into, at, length));
  }

  /** Passed on as it is: a hint for the wrapped target's own cache, nothing that crosses a wire. */
  @Override
  public void prefetch(ObjectName name) {
    inner.prefetch(name);
  }

  @Override
  public long size(ObjectName name) {
    return call(Kind.QUERY, name, 0, () -> inner.size(name));
  }

  @Override
  public boolean exists(ObjectName name) {
    return call(Kind.QUERY, name, 0, () -> inner.exists(name));
  }

  @Override
  public List<ObjectInfo> list(ObjectKind kind) {
    return call(Kind.QUERY, null, 0, () -> inner.list(kind));
  }

  @Override
  public boolean delete(ObjectName name) {
    return call(Kind.DELETE, name, 0, () -> inner.delete(name));
  }

  @Override
  public Optional<Path> localRoot() {
    return inner.localRoot();
  }

  @Override
  public void close() {
    inner.close();
  }

  /** An upload of the wrapped target whose commit is one {@link Kind#CREATE} call of this decorator. */
  private final class ForwardedUpload implements Upload {
    private final Upload upload;
    private long written;

    ForwardedUpload(Upload upload) {
      this.upload = upload;
    }

    @Override
    public void write(byte[] data, int off, int len) {
      upload.write(data, off, len);
      written += len;
    }

    @Override
    public void commit(ObjectName name) {
      call(Kind.CREATE, name, written, () -> {
        upload.commit(name);
        return null;
      });
    }

    @Override
    public boolean repeatableCommit() {
      return true;
    }

    @Override
    public void close() {
      upload.close();
    }
  }
}
