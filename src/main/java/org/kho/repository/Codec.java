package org.kho.repository;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;

/**
 * The first plaintext byte of every blob says how the rest is stored: {@code 0} raw, {@code 1}
 * zstd. Compression is kept only when it saves at least 1/32 of the size, so incompressible data
 * (scans, archives, media) costs one fast failed attempt and is stored raw. Each thread keeps its
 * own zstd contexts: making one per call costs more than compressing a small file.
 */
final class Codec {
  static final byte RAW = 0;
  static final byte ZSTD = 1;
  static final int LEVEL = 1;
  private static final ThreadLocal<ZstdCompressCtx> COMPRESS =
      ThreadLocal.withInitial(() -> new ZstdCompressCtx().setLevel(LEVEL));
  private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESS = ThreadLocal.withInitial(ZstdDecompressCtx::new);

  private Codec() {}

  /** A stored form in a borrowed buffer: {@code buf[0, length)}. */
  record Encoded(byte[] buf, int length) {}

  /** Chunks up to about this size are encoded into the thread's kept buffer; larger ones into a new one. */
  private static final int KEPT_SCRATCH = (2 << 20) + (16 << 10);
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[KEPT_SCRATCH]);

  /**
   * The codec byte followed by the stored form of {@code data[off, off+len)}, in this thread's
   * scratch buffer: valid until the thread's next call. Reusing the buffer keeps a backup from
   * allocating (and the collector from copying) a megabyte or two for every chunk; the rare larger
   * chunk gets a buffer of its own, so no thread keeps one of 8 MiB.
   */
  static Encoded encode(byte[] data, int off, int len) {
    byte[] out = scratch(1 + (int) Zstd.compressBound(len));
    long n;
    try {
      n = COMPRESS.get().compressByteArray(out, 1, out.length - 1, data, off, len);
    } catch (ZstdException e) {
      n = -1;
    }
    if (n > 0 && n < len - (len >> 5)) {
      out[0] = ZSTD;
      return new Encoded(out, 1 + (int) n);
    }
    out[0] = RAW;
    System.arraycopy(data, off, out, 1, len);
    return new Encoded(out, 1 + len);
  }

  private static byte[] scratch(int size) {
    return size <= KEPT_SCRATCH ? SCRATCH.get() : new byte[size];
  }

  /** Where the raw bytes of a blob are: {@code buf[off, off+length)}. */
  record Slice(byte[] buf, int off, int length) {}

  /**
   * The raw bytes of the stored form at {@code stored[off, off+len)}, of which there must be
   * {@code rawLength}: those of a raw blob stay where they are, after the codec byte; a compressed
   * blob is decompressed into {@code into} from 0, which must have room for them. Nothing is copied
   * that need not be.
   */
  static Slice decode(byte[] stored, int off, int len, int rawLength, byte[] into) throws DecodeException {
    if (len <= 0) {
      throw new DecodeException("empty blob");
    }
    return switch (stored[off]) {
      case RAW -> {
        if (len - 1 != rawLength) {
          throw new DecodeException("raw blob has " + (len - 1) + " bytes, expected " + rawLength);
        }
        yield new Slice(stored, off + 1, rawLength);
      }
      case ZSTD -> {
        long n;
        try {
          n = rawLength < 0 || into.length < rawLength ? -1
              : DECOMPRESS.get().decompressByteArray(into, 0, rawLength, stored, off + 1, len - 1);
        } catch (ZstdException e) {
          n = -1;
        }
        if (n != rawLength) {
          throw new DecodeException("zstd blob does not decompress to " + rawLength + " bytes");
        }
        yield new Slice(into, 0, rawLength);
      }
      default -> throw new DecodeException("unknown codec " + stored[off]);
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
