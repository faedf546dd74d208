package org.kho.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869): sub-keys from a master key, separated by a label. */
public final class Hkdf {
  private Hkdf() {}

  /** {@code length} bytes of key for {@code label}, from {@code ikm} and {@code salt} (may be empty). */
  public static byte[] derive(byte[] ikm, byte[] salt, String label, int length) {
    return derive(ikm, salt, label.getBytes(StandardCharsets.UTF_8), length);
  }

  /** As {@link #derive(byte[], byte[], String, int)} with raw context bytes. */
  public static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt.length == 0 ? new byte[32] : salt, "HmacSHA256"));
      byte[] prk = mac.doFinal(ikm);
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      byte[] out = new byte[length];
      byte[] block = new byte[0];
      for (int done = 0, counter = 1; done < length; counter++) {
        mac.update(block);
        mac.update(info);
        mac.update((byte) counter);
        block = mac.doFinal();
        int n = Math.min(block.length, length - done);
        System.arraycopy(block, 0, out, done, n);
        done += n;
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java has no HmacSHA256", e);
    }
  }
}
