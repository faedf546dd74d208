package org.kho.crypto;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gets the JIT compiler to compile the bulk crypto paths (AES-GCM seal and open, HMAC-SHA256)
 * beside the first work of a session that will move much data, started once the repository's key
 * is derived (started before, it took one of two cores from the Argon2id derivation, whose wall
 * time doubled; the derivation itself uses every core). The JDK reaches its AES, GHASH
 * and SHA intrinsics only from compiled code; until then a restore decrypts at interpreter speed
 * (measured: 700 MiB in 64 KiB segments took 1.44 CPU-s in a fresh JVM, 0.27 CPU-s after
 * warming with 15,000 small messages, which cost 0.25 CPU-s). The work is done on a throw-away
 * key and touches no secret. Runs once per JVM, on a daemon thread, and never where the system's
 * OpenSSL does the work ({@link OpenSsl}).
 */
public final class Warmup {
  /** Messages sealed and opened: enough for the compiler's thresholds, small enough to be cheap. */
  static final int ROUNDS = 12_000;
  /** One message in this many is a full 64 KiB segment, so the large-message paths are compiled too. */
  private static final int LARGE_EVERY = 32;
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  /**
   * Bytes of bulk work (sealed, opened or keyed-hashed) after which an {@link #arm armed} warm-up
   * starts: a command that reads or writes a few objects never pays for it (0.3-0.5 CPU-s of a
   * one-file backup), one that moves data gets it within its first packs.
   */
  static final long START_AFTER_BYTES = 8L << 20;
  private static final Trigger TRIGGER = new Trigger(START_AFTER_BYTES, Warmup::startInBackground);

  private Warmup() {}

  /**
   * Starts the warm-up once {@value #START_AFTER_BYTES} bytes of bulk crypto work have gone by in
   * this JVM (counted by {@link #note}), unless it has run or is running.
   */
  public static void arm() {
    if (!STARTED.get() && !Aead.nativeCrypto()) {
      TRIGGER.arm();
    }
  }

  /** Counts {@code bytes} of bulk crypto work, for {@link #arm}. */
  static void note(int bytes) {
    TRIGGER.note(bytes);
  }

  /** Runs an action once, when armed and {@code after} bytes have been noted since. */
  static final class Trigger {
    private final long after;
    private final Runnable action;
    private final AtomicLong noted = new AtomicLong();
    private volatile boolean armed;

    Trigger(long after, Runnable action) {
      this.after = after;
      this.action = action;
    }

    void arm() {
      noted.set(0);
      armed = true;
    }

    /** One volatile read when unarmed, so the bulk paths can call it for every message. */
    void note(long bytes) {
      if (armed && noted.addAndGet(bytes) >= after) {
        armed = false;
        action.run();
      }
    }
  }

  /** Starts the warm-up on a background thread, unless it has run or is running in this JVM. */
  public static void startInBackground() {
    if (STARTED.compareAndSet(false, true)) {
      Thread.ofPlatform().daemon().name("kho-crypto-warmup").start(() -> run(ROUNDS));
    }
  }

  /**
   * Seals, opens and hashes {@code rounds} messages; returns a value so the work is not optimised
   * away. Into kept arrays and under counter nonces (the key is thrown away): the warm-up allocates
   * next to nothing and leaves the random number generator, which restore and check hardly use,
   * for the compiler to ignore.
   */
  static int run(int rounds) {
    byte[] key = new byte[Aead.KEY_BYTES];
    Aead aead = new Aead(key);
    KeyedHash hash = new KeyedHash(key);
    byte[] aad = {1};
    byte[] small = new byte[1024];
    byte[] large = new byte[Aead.SEGMENT];
    byte[] sealed = new byte[Aead.sealedLength(Aead.SEGMENT)];
    byte[] opened = new byte[Aead.SEGMENT];
    byte[] nonce = new byte[Aead.NONCE_BYTES];
    int sum = 0;
    try {
      for (int i = 0; i < rounds; i++) {
        byte[] plain = i % LARGE_EVERY == 0 ? large : small;
        nonce[0] = (byte) i;
        nonce[1] = (byte) (i >>> 8);
        nonce[2] = (byte) (i >>> 16);
        int n = aead.seal(nonce, plain, 0, plain.length, aad, sealed, 0);
        sum += aead.open(sealed, 0, n, aad, opened, 0) + hash.of(plain)[0];
      }
    } catch (AuthenticationFailedException e) {
      throw new IllegalStateException("AES-GCM failed to open what it sealed", e);
    }
    return sum;
  }
}
