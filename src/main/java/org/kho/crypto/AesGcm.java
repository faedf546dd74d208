package org.kho.crypto;

/**
 * One AES-GCM message per call, under a key fixed at construction and a 12-byte nonce the caller
 * manages: {@link Aead}'s segments, and SSH's {@code aes128-gcm@openssh.com} and
 * {@code aes256-gcm@openssh.com} (RFC 5647), which fix their own nonces. Computed by the system's
 * OpenSSL ({@link OpenSsl}) where it is found, else by the JDK's provider. The caller must never
 * seal two messages under one nonce and key. Thread-safe.
 */
public abstract sealed class AesGcm permits AesGcm.OpenSslGcm, JdkGcm {
  public static final int NONCE_BYTES = 12;
  public static final int TAG_BYTES = 16;

  AesGcm() {}

  /** AES-GCM under {@code key} (16 or 32 bytes): OpenSSL's where found, else the JDK's. */
  public static AesGcm of(byte[] key) {
    AesGcm openssl = openssl(key);
    return openssl != null ? openssl : new JdkGcm(key);
  }

  /**
   * OpenSSL's AES-GCM under {@code key} (16 or 32 bytes), or null when the system's OpenSSL cannot
   * be used: for a caller that has a JDK-based implementation of its own (JSch).
   */
  public static AesGcm openssl(byte[] key) {
    checkKey(key);
    OpenSsl openssl = OpenSsl.get();
    return openssl == null ? null : new OpenSslGcm(openssl, key.clone());
  }

  /**
   * Seals {@code in[off, off+len)}, authenticating {@code aad[aadOff, aadOff+aadLen)}: writes the
   * ciphertext and then the {@value #TAG_BYTES}-byte tag at {@code out[at]} ({@code out} may be
   * {@code in} at the same offset).
   */
  public abstract void seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int off, int len, byte[] out,
      int at);

  /**
   * Opens {@code in[off, off+len)}, ciphertext then tag, into {@code out[at]}; false when it does
   * not authenticate, and then {@code out} holds nothing the caller may use.
   */
  public abstract boolean open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int off, int len, byte[] out,
      int at);

  static void checkKey(byte[] key) {
    if (key.length != 16 && key.length != 32) {
      throw new IllegalArgumentException("AES-GCM needs a 16- or 32-byte key, not " + key.length + " bytes");
    }
  }

  static void checkNonce(byte[] nonce) {
    if (nonce.length != NONCE_BYTES) {
      throw new IllegalArgumentException("AES-GCM here takes a 12-byte nonce, not " + nonce.length + " bytes");
    }
  }

  /** Through the system's OpenSSL. */
  static final class OpenSslGcm extends AesGcm {
    private final OpenSsl openssl;
    private final byte[] key;

    OpenSslGcm(OpenSsl openssl, byte[] key) {
      this.openssl = openssl;
      this.key = key;
    }

    @Override
    public void seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int off, int len, byte[] out, int at) {
      checkNonce(nonce);
      openssl.seal(key, nonce, aad, aadOff, aadLen, in, off, len, out, at);
    }

    @Override
    public boolean open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int off, int len, byte[] out,
        int at) {
      checkNonce(nonce);
      return openssl.open(key, nonce, aad, aadOff, aadLen, in, off, len, out, at);
    }
  }
}
