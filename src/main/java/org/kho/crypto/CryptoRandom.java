package org.kho.crypto;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Random bytes drawn often and in small amounts: nonces, SSH packet padding. OpenSSL's
 * {@code RAND_bytes} (a DRBG seeded by the kernel) where {@link OpenSsl} is found, else the JDK's
 * {@code SecureRandom}. Why not always the JDK's: its default ({@code NativePRNG}) reads
 * /dev/urandom under a lock and mixes in SHA1PRNG output on every call, which costs a short CLI
 * run interpreted SHA-1 and C2 compiles (about 0.3 s of an SFTP backup, where SSH draws padding
 * for every packet). Thread-safe.
 */
public final class CryptoRandom {
  private static final OpenSsl NATIVE = OpenSsl.get();
  private static final SecureRandom FALLBACK = NATIVE == null ? new SecureRandom() : null;

  private CryptoRandom() {}

  /** Fills {@code out}. */
  public static void fill(byte[] out) {
    fill(out, 0, out.length);
  }

  /** Fills {@code out[off, off+len)}. */
  public static void fill(byte[] out, int off, int len) {
    Objects.checkFromIndexSize(off, len, out.length);
    if (NATIVE != null) {
      NATIVE.randomBytes(out, off, len);
    } else if (off == 0 && len == out.length) {
      FALLBACK.nextBytes(out);
    } else {
      byte[] b = new byte[len];
      FALLBACK.nextBytes(b);
      System.arraycopy(b, 0, out, off, len);
    }
  }
}
