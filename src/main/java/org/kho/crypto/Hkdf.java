package org.kho.crypto;

import java.nio.charset.StandardCharsets;

/** HKDF with HMAC-SHA256 (RFC 5869; {@link KeyedHash}): sub-keys from a master key, separated by a label. */
public final class Hkdf {
  private Hkdf() {}

  /** {@code length} bytes of key for {@code label}, from {@code ikm} and {@code salt} (may be empty). */
  public static byte[] derive(byte[] ikm, byte[] salt, String label, int length) {
    return derive(ikm, salt, label.getBytes(StandardCharsets.UTF_8), length);
  }

  /** As {@link #derive(byte[], byte[], String, int)} with raw context bytes. */
  public static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
    byte[] prk = new KeyedHash(salt.length == 0 ? new byte[KeyedHash.BYTES] : salt).of(ikm);
    KeyedHash expand = new KeyedHash(prk);
    java.util.Arrays.fill(prk, (byte) 0);
    byte[] out = new byte[length];
    byte[] block = new byte[0];
    for (int done = 0, counter = 1; done < length; counter++) {
      byte[] input = new byte[block.length + info.length + 1];
      System.arraycopy(block, 0, input, 0, block.length);
      System.arraycopy(info, 0, input, block.length, info.length);
      input[input.length - 1] = (byte) counter;
      block = expand.of(input);
      int n = Math.min(block.length, length - done);
      System.arraycopy(block, 0, out, done, n);
      done += n;
    }
    return out;
  }
}
