package org.kho.crypto;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Phaser;

/**
 * Argon2id version 1.3 (RFC 9106) to stretch a passphrase into a key-encryption key.
 *
 * <p>Computed by the system's libargon2 where it is installed ({@link NativeArgon2}: a third of
 * the CPU time in a fresh JVM), else by the Java code here, which gives the same bytes. The lanes
 * are filled in parallel, on up to {@code parallelism} threads (never more than the processors),
 * which meet at the end of each slice; the output is the same whatever the number of threads. The
 * memory is allocated outside the Java heap for one derivation, zeroed and freed before
 * {@link #derive} returns: nothing stays behind.
 *
 * @param memoryKiB memory cost in KiB
 * @param iterations passes over the memory
 * @param parallelism lanes
 */
public record Argon2id(int memoryKiB, int iterations, int parallelism) {
  /** RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes). */
  public static final Argon2id DEFAULT = new Argon2id(64 * 1024, 3, 4);

  public Argon2id {
    if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1 || parallelism > 0xFFFFFF
        || memoryKiB > 4 * 1024 * 1024) {
      throw new IllegalArgumentException("Argon2id parameters out of range");
    }
  }

  /** {@code length} bytes derived from {@code secret} and {@code salt}. */
  public byte[] derive(byte[] secret, byte[] salt, int length) {
    return derive(secret, salt, new byte[0], new byte[0], length, Runtime.getRuntime().availableProcessors());
  }

  /** The full function: with a secret key and associated data, on at most {@code threads} threads. */
  byte[] derive(byte[] password, byte[] salt, byte[] key, byte[] associated, int length, int threads) {
    if (length < 4) {
      throw new IllegalArgumentException("Argon2id output must be at least 4 bytes");
    }
    byte[] tag = new byte[length];
    int lanesAtOnce = Math.max(1, Math.min(threads, parallelism));
    NativeArgon2 library = Library.NATIVE;
    if (library == null || !library.derive(this, password, salt, key, associated, tag, lanesAtOnce)) {
      deriveInJava(password, salt, key, associated, tag, lanesAtOnce);
    }
    return tag;
  }

  /** What {@link #derive} gives, always by the Java code: for tests that compare it with the library. */
  byte[] deriveInJava(byte[] password, byte[] salt, byte[] key, byte[] associated, int length, int threads) {
    byte[] tag = new byte[length];
    deriveInJava(password, salt, key, associated, tag, Math.max(1, Math.min(threads, parallelism)));
    return tag;
  }

  private void deriveInJava(byte[] password, byte[] salt, byte[] key, byte[] associated, byte[] tag, int threads) {
    byte[] h0 = Argon2Hash.h0(this, tag.length, password, salt, key, associated);
    try (Arena arena = Arena.ofShared()) {
      Argon2Matrix matrix = new Argon2Matrix(arena, this);
      try {
        matrix.start(h0);
        fill(matrix, threads);
        matrix.finish(tag);
      } finally {
        matrix.wipe();
        java.util.Arrays.fill(h0, (byte) 0);
      }
    }
  }

  /** The system's libargon2, looked up on first use. */
  private static final class Library {
    static final NativeArgon2 NATIVE = NativeArgon2.load();
  }

  /** Runs every pass and slice; thread t fills lanes t, t + threads, ... and all meet at each slice's end. */
  private static void fill(Argon2Matrix matrix, int threads) {
    Phaser sliceEnd = new Phaser(threads);
    List<Thread> helpers = new ArrayList<>();
    Throwable[] failure = new Throwable[threads];
    for (int t = 1; t < threads; t++) {
      int id = t;
      helpers.add(Thread.ofPlatform().daemon().name("kho-argon2-" + t)
          .start(() -> failure[id] = fillLanes(matrix, id, threads, sliceEnd)));
    }
    failure[0] = fillLanes(matrix, 0, threads, sliceEnd);
    for (Thread h : helpers) {
      try {
        h.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while deriving a key", e);
      }
    }
    for (Throwable f : failure) {
      if (f != null) {
        throw new IllegalStateException("Argon2id key derivation failed", f);
      }
    }
  }

  /** One thread's share of the work; returns what stopped it, or null when it finished. */
  private static Throwable fillLanes(Argon2Matrix matrix, int first, int step, Phaser sliceEnd) {
    Argon2Matrix.Worker worker = new Argon2Matrix.Worker();
    try {
      for (int pass = 0; pass < matrix.passes(); pass++) {
        for (int slice = 0; slice < Argon2Matrix.SYNC_POINTS; slice++) {
          for (int lane = first; lane < matrix.lanes(); lane += step) {
            matrix.fillSegment(worker, pass, lane, slice);
          }
          sliceEnd.arriveAndAwaitAdvance();
        }
      }
      return null;
    } catch (RuntimeException | Error e) { // the others must not wait for this thread at a slice's end
      sliceEnd.arriveAndDeregister();
      return e;
    } finally {
      worker.wipe();
    }
  }
}
