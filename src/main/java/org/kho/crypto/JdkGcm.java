package org.kho.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM by the JDK's provider: where the system's OpenSSL is missing. It reaches the AES and
 * GHASH intrinsics only from compiled code, so it counts its bytes for {@link Warmup} and seals in
 * pieces of {@value #PIECE} bytes: compressed log text seals only ~160 MiB per GiB read, too few
 * 64 KiB calls for the JIT to compile the cipher before the run ends; calls of 1 KiB (two of the
 * JDK's 512-byte GCM blocks) get there within a few MiB (sealing 170 MB in a fresh JVM took
 * 1.0–1.3 CPU-s in 64 KiB calls, 0.3–0.4 in 1 KiB calls). The sealed bytes are the same.
 */
final class JdkGcm extends AesGcm {
  private static final int PIECE = 1024;
  private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(JdkGcm::newCipher);
  private final SecretKeySpec key;

  JdkGcm(byte[] key) {
    checkKey(key);
    this.key = new SecretKeySpec(key, "AES");
  }

  @Override
  public void seal(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int off, int len, byte[] out, int at) {
    Warmup.note(len);
    try {
      Cipher c = started(Cipher.ENCRYPT_MODE, nonce, aad, aadOff, aadLen);
      int done = 0;
      for (; len - done > PIECE; done += PIECE) {
        at += c.update(in, off + done, PIECE, out, at);
      }
      c.doFinal(in, off + done, len - done, out, at);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM refused to seal: " + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public boolean open(byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int off, int len, byte[] out, int at) {
    Warmup.note(len);
    try {
      started(Cipher.DECRYPT_MODE, nonce, aad, aadOff, aadLen).doFinal(in, off, len, out, at);
      return true;
    } catch (GeneralSecurityException e) { // AEADBadTagException, or a length the cipher refuses
      return false;
    }
  }

  /** This thread's cipher, set up for one message under {@code nonce} with its associated data given. */
  private Cipher started(int mode, byte[] nonce, byte[] aad, int aadOff, int aadLen) throws GeneralSecurityException {
    checkNonce(nonce);
    Cipher c = CIPHER.get();
    c.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
    c.updateAAD(aad, aadOff, aadLen);
    return c;
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java has no AES/GCM", e);
    }
  }
}
