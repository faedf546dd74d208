package org.kho.storage;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Storage} in memory, for tests of other packages. It keeps the whole contract: creates
 * never replace, reads return copies, and it is safe for concurrent use.
 *
 * <p>Two faults can be injected: {@link #failWritesAfter} makes it behave like a disk that fills
 * up, and {@link #corrupt} flips a byte of a stored object, as tampering or bit rot would.
 */
public final class MemoryStorage implements Storage {
  private final ConcurrentMap<ObjectName, byte[]> objects = new ConcurrentHashMap<>();
  private final AtomicLong used = new AtomicLong();
  private volatile long budget = Long.MAX_VALUE;

  @Override
  public String describe() {
    return "memory";
  }

  /**
   * From now on, a create that would bring the total size of stored objects above {@code bytes}
   * throws {@link StorageFullException} and stores nothing. Deleting objects frees room again.
   */
  public void failWritesAfter(long bytes) {
    budget = bytes;
  }

  /** Flips every bit of the byte at {@code offset} of a stored object. */
  public void corrupt(ObjectName name, int offset) {
    objects.compute(name, (n, bytes) -> {
      if (bytes == null) {
        throw new NoSuchObjectException(name, describe());
      }
      byte[] tampered = bytes.clone();
      tampered[offset] ^= (byte) 0xff;
      return tampered;
    });
  }

  @Override
  public void create(ObjectName name, byte[] data) {
    if (objects.containsKey(name)) {
      throw new ObjectExistsException(name, describe());
    }
    reserve(name, data.length);
    if (objects.putIfAbsent(name, data.clone()) != null) {
      used.addAndGet(-data.length);
      throw new ObjectExistsException(name, describe());
    }
  }

  /** Collects the bytes and creates the object at commit, so tests meet the upload of a local disk. */
  @Override
  public Optional<Upload> upload(ObjectKind kind) {
    return Optional.of(new Upload() {
      private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      private boolean closed;

      @Override
      public void write(byte[] data, int off, int len) {
        if (closed) {
          throw new IllegalStateException("upload already committed or closed");
        }
        bytes.write(data, off, len);
      }

      @Override
      public void commit(ObjectName name) {
        if (closed || name.kind() != kind) {
          throw new IllegalStateException("cannot commit " + name + ": closed, or not a " + kind + " object");
        }
        closed = true;
        create(name, bytes.toByteArray());
      }

      @Override
      public void close() {
        closed = true;
      }
    });
  }

  /** Counts {@code length} bytes as used, or refuses them if that would go over the budget. */
  private void reserve(ObjectName name, long length) {
    if (used.addAndGet(length) > budget) {
      used.addAndGet(-length);
      throw new StorageFullException(describe() + " (writing " + name + ")", null);
    }
  }

  @Override
  public byte[] read(ObjectName name) {
    return stored(name).clone();
  }

  @Override
  public byte[] read(ObjectName name, long offset, int length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset " + offset + " and length " + length + " must not be negative");
    }
    byte[] bytes = stored(name);
    int from = (int) Math.min(offset, bytes.length);
    return Arrays.copyOfRange(bytes, from, (int) Math.min(bytes.length, (long) from + length));
  }

  @Override
  public long size(ObjectName name) {
    return stored(name).length;
  }

  @Override
  public boolean exists(ObjectName name) {
    return objects.containsKey(name);
  }

  @Override
  public List<ObjectInfo> list(ObjectKind kind) {
    return objects.entrySet().stream()
        .filter(e -> e.getKey().kind() == kind)
        .map(e -> new ObjectInfo(e.getKey(), e.getValue().length))
        .toList();
  }

  @Override
  public boolean delete(ObjectName name) {
    byte[] removed = objects.remove(name);
    if (removed == null) {
      return false;
    }
    used.addAndGet(-removed.length);
    return true;
  }

  private byte[] stored(ObjectName name) {
    byte[] bytes = objects.get(name);
    if (bytes == null) {
      throw new NoSuchObjectException(name, describe());
    }
    return bytes;
  }
}
