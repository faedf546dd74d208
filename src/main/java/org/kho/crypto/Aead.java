package org.kho.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh random 96-bit nonce per message. Sealed form:
 * {@code nonce (12) || ciphertext || tag (16)}; the associated data is authenticated, not stored.
 *
 * <p>Data goes to the cipher in slices of at most 64 KiB: the JDK compiles its AES/GHASH
 * intrinsics into the caller only once that loop is hot, which a per-megabyte call would reach
 * seconds too late in a short CLI run (see research/java-platform.md). Thread-safe.
 */
public final class Aead {
  public static final int KEY_BYTES = 32;
  public static final int NONCE_BYTES = 12;
  public static final int TAG_BYTES = 16;
  /** Bytes a sealed message has beyond its plaintext. */
  public static final int OVERHEAD = NONCE_BYTES + TAG_BYTES;
  private static final int SLICE = 64 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(Aead::newCipher);

  private final SecretKeySpec key;

  public Aead(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("AES-256 needs a 32-byte key");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** Seals {@code plain[off, off+len)} into a new array. */
  public byte[] seal(byte[] plain, int off, int len, byte[] aad) {
    byte[] out = new byte[len + OVERHEAD];
    seal(plain, off, len, aad, out, 0);
    return out;
  }

  /** Seals into {@code out} at {@code outOff}; returns the bytes written ({@code len + OVERHEAD}). */
  public int seal(byte[] plain, int off, int len, byte[] aad, byte[] out, int outOff) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    System.arraycopy(nonce, 0, out, outOff, NONCE_BYTES);
    try {
      Cipher c = CIPHER.get();
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
      c.updateAAD(aad);
      int at = outOff + NONCE_BYTES;
      at += feed(c, plain, off, len, out, at);
      at += c.doFinal(out, at);
      return at - outOff;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM refused to seal: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Opens a sealed message, or throws if it does not authenticate. */
  public byte[] open(byte[] sealed, int off, int len, byte[] aad) throws AuthenticationFailedException {
    if (len < OVERHEAD) {
      throw new AuthenticationFailedException("sealed data is " + len + " bytes, shorter than any sealed message", null);
    }
    try {
      Cipher c = CIPHER.get();
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, Arrays.copyOfRange(sealed, off, off + NONCE_BYTES)));
      c.updateAAD(aad);
      byte[] out = new byte[len - OVERHEAD];
      int at = feed(c, sealed, off + NONCE_BYTES, len - NONCE_BYTES, out, 0);
      at += c.doFinal(out, at);
      return at == out.length ? out : Arrays.copyOf(out, at);
    } catch (AEADBadTagException e) {
      throw new AuthenticationFailedException("authentication tag does not match", e);
    } catch (GeneralSecurityException e) {
      throw new AuthenticationFailedException("cannot open sealed data: " + e.getClass().getSimpleName(), e);
    }
  }

  public byte[] open(byte[] sealed, byte[] aad) throws AuthenticationFailedException {
    return open(sealed, 0, sealed.length, aad);
  }

  private static int feed(Cipher c, byte[] in, int off, int len, byte[] out, int outOff) throws GeneralSecurityException {
    int written = 0;
    for (int done = 0; done < len; done += SLICE) {
      written += c.update(in, off + done, Math.min(SLICE, len - done), out, outOff + written);
    }
    return written;
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java has no AES/GCM", e);
    }
  }
}
