package org.kho.repository;

import com.github.luben.zstd.Zstd;
import java.util.Arrays;

/**
 * The first plaintext byte of every blob says how the rest is stored: {@code 0} raw, {@code 1}
 * zstd. Compression is kept only when it saves at least 1/32 of the size, so incompressible data
 * (scans, archives, media) costs one fast failed attempt and is stored raw.
 */
final class Codec {
  static final byte RAW = 0;
  static final byte ZSTD = 1;
  static final int LEVEL = 3;

  private Codec() {}

  /** The codec byte followed by the stored form of {@code data[off, off+len)}. */
  static byte[] encode(byte[] data, int off, int len) {
    byte[] out = new byte[1 + (int) Zstd.compressBound(len)];
    long n = Zstd.compressByteArray(out, 1, out.length - 1, data, off, len, LEVEL);
    if (!Zstd.isError(n) && n < len - (len >> 5)) {
      out[0] = ZSTD;
      return Arrays.copyOf(out, 1 + (int) n);
    }
    byte[] raw = new byte[1 + len];
    raw[0] = RAW;
    System.arraycopy(data, off, raw, 1, len);
    return raw;
  }

  /** The original bytes; {@code rawLength} is the expected size. */
  static byte[] decode(byte[] stored, int rawLength) throws DecodeException {
    if (stored.length == 0) {
      throw new DecodeException("empty blob");
    }
    return switch (stored[0]) {
      case RAW -> {
        if (stored.length - 1 != rawLength) {
          throw new DecodeException("raw blob has " + (stored.length - 1) + " bytes, expected " + rawLength);
        }
        yield Arrays.copyOfRange(stored, 1, stored.length);
      }
      case ZSTD -> {
        byte[] out = new byte[rawLength];
        long n = Zstd.decompressByteArray(out, 0, rawLength, stored, 1, stored.length - 1);
        if (Zstd.isError(n) || n != rawLength) {
          throw new DecodeException("zstd blob does not decompress to " + rawLength + " bytes");
        }
        yield out;
      }
      default -> throw new DecodeException("unknown codec " + stored[0]);
    };
  }

  /** Stored bytes that do not decode. */
  static final class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    DecodeException(String message) {
      super(message);
    }
  }
}
