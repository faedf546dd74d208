package org.kho.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the name of every stored object and the fingerprint of keys. */
public final class Sha256 {
  private Sha256() {}

  /**
   * The digest of {@code data[off, off+len)}: one OpenSSL call up to 1 MiB, else a {@link #digest()}
   * fed in 64 KiB pieces (with the JDK's digest, the JIT compiles a loop of such calls, and so
   * reaches the SHA intrinsics, soon; one call per 16 MiB pack it compiles late).
   */
  public static byte[] of(byte[] data, int off, int len) {
    if (NATIVE != null && len <= NATIVE_ONE_CALL) {
      return NATIVE.sha256(data, off, len);
    }
    MessageDigest md = digest();
    for (int done = 0; done < len; done += PIECE) {
      md.update(data, off + done, Math.min(PIECE, len - done));
    }
    return md.digest();
  }

  private static final int PIECE = 64 * 1024;
  /**
   * The most hashed in one call into OpenSSL: its calls hold off the garbage collector while they
   * run (critical downcalls), 1 MiB takes under a millisecond; a whole pack goes through
   * {@link #digest()} in pieces.
   */
  private static final int NATIVE_ONE_CALL = 1 << 20;
  /** The system's OpenSSL for whole arrays, where found: full speed from the first call. */
  private static final OpenSsl NATIVE = OpenSsl.get();

  public static byte[] of(byte[] data) {
    return of(data, 0, data.length);
  }

  /** Lower-case hex of the digest. */
  public static String hex(byte[] data) {
    return hex(data, 0, data.length);
  }

  /** Lower-case hex of the digest of {@code data[off, off+len)}. */
  public static String hex(byte[] data, int off, int len) {
    return HexFormat.of().formatHex(of(data, off, len));
  }

  /** A fresh digest for streaming input: the system's OpenSSL where found, else the JDK's. */
  public static MessageDigest digest() {
    if (NATIVE != null) {
      return new NativeSha256(NATIVE);
    }
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }
}
