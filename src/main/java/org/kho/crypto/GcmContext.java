package org.kho.crypto;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;

/**
 * AES-GCM under one key, kept in one OpenSSL cipher context for a run of messages in one
 * direction: the key schedule and GHASH tables are computed once, and each message costs the
 * calls for its nonce, data and tag only. For SSH's per-packet ciphers ({@code
 * aes128-gcm@openssh.com}), which seal or open tens of thousands of packets under one key.
 * {@link AesGcm} makes a context per message instead, so that one instance serves many threads.
 *
 * <p>The caller must never seal two messages under one nonce. Not thread-safe. {@link #close}
 * frees the context and OpenSSL wipes it (later calls are refused); a context never closed is
 * freed once it is unreachable, since JSch drops its ciphers at a re-key without closing them.
 */
public final class GcmContext implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();
  private final OpenSsl openssl;
  private final boolean seal;
  private final MemorySegment ctx;
  private final Cleaner.Cleanable freeing;
  private boolean closed;

  private GcmContext(OpenSsl openssl, MemorySegment ctx, boolean seal) {
    this.openssl = openssl;
    this.ctx = ctx;
    this.seal = seal;
    this.freeing = CLEANER.register(this, () -> openssl.freeKeyed(ctx));
  }

  /**
   * A context keyed with {@code key} (16 or 32 bytes) to seal ({@code seal} true) or to open, or
   * null when the system's OpenSSL cannot be used.
   */
  public static GcmContext openssl(byte[] key, boolean seal) {
    AesGcm.checkKey(key);
    OpenSsl openssl = OpenSsl.get();
    return openssl == null ? null : new GcmContext(openssl, openssl.keyed(key, seal), seal);
  }

  /** Whether it was made to seal (else to open). */
  public boolean seals() {
    return seal;
  }

  /** As {@link AesGcm#seal}; only for a context made to seal. */
  public void seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int off, int len, byte[] out, int at) {
    check(nonce, true);
    try {
      openssl.sealKeyed(ctx, nonce, aad, aadOff, aadLen, in, off, len, out, at);
    } finally {
      Reference.reachabilityFence(this); // the cleaner must not free the context during the call
    }
  }

  /** As {@link AesGcm#open}; only for a context made to open. */
  public boolean open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int off, int len, byte[] out, int at) {
    check(nonce, false);
    try {
      return openssl.openKeyed(ctx, nonce, aad, aadOff, aadLen, in, off, len, out, at);
    } finally {
      Reference.reachabilityFence(this);
    }
  }

  /** Frees the context; idempotent. */
  @Override
  public void close() {
    closed = true;
    freeing.clean();
  }

  private void check(byte[] nonce, boolean sealing) {
    AesGcm.checkNonce(nonce);
    if (closed) {
      throw new IllegalStateException("this AES-GCM context is closed");
    }
    if (sealing != seal) {
      throw new IllegalStateException("this AES-GCM context was made to " + (seal ? "seal" : "open"));
    }
  }
}
