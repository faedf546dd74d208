package org.kho.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the name of every stored object and the fingerprint of keys. */
public final class Sha256 {
  private Sha256() {}

  public static byte[] of(byte[] data, int off, int len) {
    MessageDigest md = digest();
    md.update(data, off, len);
    return md.digest();
  }

  public static byte[] of(byte[] data) {
    return of(data, 0, data.length);
  }

  /** Lower-case hex of the digest. */
  public static String hex(byte[] data) {
    return HexFormat.of().formatHex(of(data));
  }

  /** A fresh digest for streaming input. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }
}
