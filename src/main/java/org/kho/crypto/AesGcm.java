package org.kho.crypto;

/**
 * One AES-GCM message per call under a nonce the caller manages, computed by the system's OpenSSL
 * ({@link OpenSsl}): for protocols that fix their own nonces, such as SSH's
 * {@code aes128-gcm@openssh.com} and {@code aes256-gcm@openssh.com} (RFC 5647), whose per-packet
 * re-initialisation costs the JDK's provider more than the packet's encryption. Kho's own objects
 * use {@link Aead}, which draws its nonces. The caller must never seal two messages under one
 * nonce and key. Thread-safe.
 */
public final class AesGcm {
  public static final int NONCE_BYTES = 12;
  public static final int TAG_BYTES = 16;
  private final OpenSsl openssl;
  private final byte[] key;

  private AesGcm(OpenSsl openssl, byte[] key) {
    this.openssl = openssl;
    this.key = key;
  }

  /**
   * AES-GCM under {@code key} (16 or 32 bytes), or null when the system's OpenSSL cannot be used
   * (the caller then keeps the JDK's provider).
   */
  public static AesGcm openssl(byte[] key) {
    if (key.length != 16 && key.length != 32) {
      throw new IllegalArgumentException("AES-GCM needs a 16- or 32-byte key, not " + key.length + " bytes");
    }
    OpenSsl openssl = OpenSsl.get();
    return openssl == null ? null : new AesGcm(openssl, key.clone());
  }

  /**
   * Seals {@code in[off, off+len)}, authenticating {@code aad[aadOff, aadOff+aadLen)}: writes the
   * ciphertext and then the {@value #TAG_BYTES}-byte tag at {@code out[at]} ({@code out} may be
   * {@code in} at the same offset).
   */
  public void seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int off, int len, byte[] out, int at) {
    checkNonce(nonce);
    openssl.seal(key, nonce, aad, aadOff, aadLen, in, off, len, out, at);
  }

  /**
   * Opens {@code in[off, off+len)}, ciphertext then tag, into {@code out[at]}; false when it does
   * not authenticate, and then {@code out} holds nothing the caller may use.
   */
  public boolean open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int off, int len, byte[] out, int at) {
    checkNonce(nonce);
    return openssl.open(key, nonce, aad, aadOff, aadLen, in, off, len, out, at);
  }

  private static void checkNonce(byte[] nonce) {
    if (nonce.length != NONCE_BYTES) {
      throw new IllegalArgumentException("AES-GCM here takes a 12-byte nonce, not " + nonce.length + " bytes");
    }
  }
}
