package org.kho.wipe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One device I/O at a time on a thread of its own, so that the wiping thread prepares the next
 * chunk (or compares the last) meanwhile. The caller hands over a buffer with {@link #write} or
 * {@link #read} and must not touch it until {@link #await} returns.
 */
final class IoLane implements AutoCloseable {
  private final RawDevice dev;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "kho-wipe-io");
    t.setDaemon(true);
    return t;
  });
  private Future<?> pending;

  IoLane(RawDevice dev) {
    this.dev = dev;
  }

  RawDevice device() {
    return dev;
  }

  /** Starts writing {@code buf} (position to limit) at {@code offset}; one I/O at a time. */
  void write(ByteBuffer buf, long offset) throws IOException {
    await();
    pending = thread.submit(() -> {
      dev.write(buf, offset);
      return null;
    });
  }

  /** Starts reading {@code length} bytes at {@code offset} into {@code buf}, flipped for reading when done. */
  void read(ByteBuffer buf, long offset, int length) throws IOException {
    await();
    pending = thread.submit(() -> {
      buf.clear().limit(length);
      dev.read(buf, offset);
      buf.flip();
      return null;
    });
  }

  /** Waits for the I/O in flight, if any; rethrows its failure. */
  void await() throws IOException {
    if (pending == null) {
      return;
    }
    Future<?> p = pending;
    pending = null;
    try {
      p.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("device I/O failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting for the device");
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
