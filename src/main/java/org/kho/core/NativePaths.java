package org.kho.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A path as the JDK hands it to the kernel, for the few system calls Kho makes through FFM
 * (backup's {@code fstatat}, restore's {@code lchown}, {@code chmod} and {@code utimensat}):
 * encoded in the JVM's file-name charset ({@code sun.jnu.encoding}) and NUL-terminated. A name
 * that charset cannot encode, or that holds a NUL, has no such form: the caller then uses the
 * JDK's API, never a path with a replaced character (which could name another file).
 */
public final class NativePaths {
  private static final Charset CHARSET = charset();
  /** Whether the charset encodes each ASCII character as its own byte (UTF-8, ISO 8859-1, ASCII). */
  private static final boolean ASCII_AS_IS =
      Set.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII).contains(CHARSET);

  private NativePaths() {}

  /** {@code path}'s bytes and a final NUL, or null when it has a NUL or cannot be encoded. */
  public static byte[] cString(String path) {
    if (ASCII_AS_IS) {
      byte[] out = new byte[path.length() + 1];
      int i = 0;
      for (char c; i < path.length() && (c = path.charAt(i)) != 0 && c < 0x80; i++) {
        out[i] = (byte) c;
      }
      if (i == path.length()) {
        return out;
      }
    }
    return encoded(path);
  }

  /** {@link #cString} through the charset's encoder, for paths that are not plain ASCII. */
  private static byte[] encoded(String s) {
    CharsetEncoder encoder = CHARSET.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      ByteBuffer encoded = encoder.encode(CharBuffer.wrap(s));
      byte[] out = new byte[encoded.remaining() + 1];
      encoded.get(out, 0, out.length - 1);
      for (int i = 0; i < out.length - 1; i++) {
        if (out[i] == 0) {
          return null;
        }
      }
      return out;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static Charset charset() {
    try {
      return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
