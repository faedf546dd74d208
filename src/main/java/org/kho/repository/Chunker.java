package org.kho.repository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Splits bytes into content-defined chunks with FastCDC, so that an edit in a file changes only
 * the chunks around it and the rest deduplicate.
 *
 * <p>The algorithm (Xia et al., "The Design of Fast Content-Defined Chunking", 2020): a gear hash
 * {@code h = (h << 1) + GEAR[b]} is rolled over the bytes, and a chunk ends after the byte where
 * {@code h & mask == 0}. The first {@link ChunkerParams#min} bytes of a chunk are skipped, not
 * hashed. Normalised chunking, level 2: below {@link ChunkerParams#avg} the mask has
 * log2(avg) + 2 one-bits (a cut is four times rarer), from avg on it has log2(avg) - 2 (four
 * times likelier); a chunk is cut at {@link ChunkerParams#max} if no mask matched. The one-bits
 * are spread over the top 48 bits of the hash, each of which depends on the last 17 to 64 bytes.
 *
 * <p>The gear table is keyed: entry {@code 4k + j} is the {@code j}-th big-endian long of
 * SHA-256(seed || k), k a 4-byte big-endian counter from 0 to 63. With a secret seed per
 * repository, chunk boundaries differ from one repository to the next, which makes it harder for
 * someone who sees only the sizes of stored blobs to recognise known files. Change none of this
 * without changing FORMAT.md: the same bytes must give the same chunks for as long as the
 * repository lives, or deduplication stops.
 *
 * <p>Immutable and safe for concurrent use.
 */
public final class Chunker {
  /** The length of the seed, in bytes. */
  public static final int SEED_BYTES = 32;
  /** How many of the hash's top bits the mask bits are spread over. */
  private static final int MASK_SPAN = 48;
  /** The first buffer {@link #split} reads into; it grows to twice the longest chunk. */
  private static final int FIRST_BUFFER = 64 << 10;

  private final ChunkerParams params;
  private final long[] gear;
  private final long maskBelowAvg;
  private final long maskFromAvg;

  /** Receives the chunks of {@link #split}, in order. */
  @FunctionalInterface
  public interface ChunkSink {
    /**
     * Takes the chunk {@code buf[off, off + len)}. The buffer belongs to the chunker and is
     * overwritten once this returns: copy whatever must outlive the call.
     */
    void accept(byte[] buf, int off, int len) throws IOException;
  }

  /**
   * A chunker for one repository.
   *
   * @param seed the repository's {@value #SEED_BYTES}-byte chunker secret (not kept)
   */
  public Chunker(byte[] seed, ChunkerParams params) {
    if (seed.length != SEED_BYTES) {
      throw new IllegalArgumentException(
          "the chunker seed must be " + SEED_BYTES + " bytes, not " + seed.length);
    }
    this.params = Objects.requireNonNull(params, "params");
    this.gear = gearTable(seed);
    this.maskBelowAvg = spreadMask(params.avgBits() + 2);
    this.maskFromAvg = spreadMask(params.avgBits() - 2);
  }

  public ChunkerParams params() {
    return params;
  }

  /**
   * Splits everything {@code in} gives into chunks and hands each to {@code sink}, in order. An
   * empty stream gives no chunk; one no longer than {@code min} gives one. Reads in large blocks
   * into a buffer that grows to at most {@code 2 × max}; does not close {@code in}.
   *
   * @throws IOException from the stream or the sink, which ends the split
   */
  public void split(InputStream in, ChunkSink sink) throws IOException {
    Window window = new Window(in, Math.min(FIRST_BUFFER, 2 * params.max()), 2 * params.max());
    for (int len; (len = nextChunk(window)) > 0; window.pos += len) {
      sink.accept(window.buf, window.pos, len);
    }
  }

  /** The length of the next chunk in the window, reading more while it may go on; 0 at the end. */
  private int nextChunk(Window window) throws IOException {
    while (true) {
      int available = window.limit - window.pos;
      int len = cut(window.buf, window.pos, available);
      if (len < available || available >= params.max() || !window.refill()) {
        return len;
      }
    }
  }

  /**
   * The length of the chunk that starts at {@code buf[off]}, looking at no more than the first
   * {@code max} bytes of {@code buf[off, off + len)}. The answer is final if it is below {@code
   * len} or if {@code len >= max}. If it equals a {@code len} below {@code max}, the chunk ends
   * there only if the data does: when more follows, call again with more.
   *
   * @return a length in {@code [1, min(len, max)]}, and at least {@code min} unless {@code len} is
   *     smaller; 0 only when {@code len} is 0
   */
  public int cut(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    if (len <= params.min()) {
      return len;
    }
    int end = off + Math.min(len, params.max());
    int normal = off + Math.min(len, params.avg());
    long[] g = gear;
    long mask = maskBelowAvg;
    long h = 0;
    int i = off + params.min();
    for (; i < normal; i++) {
      h = (h << 1) + g[buf[i] & 0xff];
      if ((h & mask) == 0) {
        return i + 1 - off;
      }
    }
    mask = maskFromAvg;
    for (; i < end; i++) {
      h = (h << 1) + g[buf[i] & 0xff];
      if ((h & mask) == 0) {
        return i + 1 - off;
      }
    }
    return end - off;
  }

  /** The 256 gear values for {@code seed}: SHA-256(seed || counter), four longs per digest. */
  private static long[] gearTable(byte[] seed) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
    long[] table = new long[256];
    for (int counter = 0; counter < table.length / 4; counter++) {
      sha256.update(seed);
      byte[] counterBytes = ByteBuffer.allocate(Integer.BYTES).putInt(counter).array();
      ByteBuffer digest = ByteBuffer.wrap(sha256.digest(counterBytes));
      for (int j = 0; j < 4; j++) {
        table[4 * counter + j] = digest.getLong();
      }
    }
    return table;
  }

  /**
   * A mask of {@code bits} one-bits spread evenly over the top {@value #MASK_SPAN} bits, starting
   * at bit 63, so the cut decision depends on many of the last 64 bytes rather than a few.
   */
  static long spreadMask(int bits) {
    long mask = 0;
    for (int k = 0; k < bits; k++) {
      mask |= 1L << (63 - k * MASK_SPAN / bits);
    }
    return mask;
  }

  /** The bytes read ahead from a stream: {@code buf[pos, limit)} are not yet chunked. */
  private static final class Window {
    private final InputStream in;
    private final int capacity;
    byte[] buf;
    int pos;
    int limit;
    private boolean ended;

    Window(InputStream in, int firstSize, int capacity) {
      this.in = in;
      this.capacity = capacity;
      this.buf = new byte[firstSize];
    }

    /**
     * Moves the unread bytes to the front (into a larger buffer if they fill more than half of
     * it, up to the capacity) and reads until the buffer is full or the stream ends. Called when
     * fewer than {@code capacity / 2} bytes are unread, so at capacity each call reads more bytes
     * than it moves.
     *
     * @return {@code false}, with nothing done, if the stream had already ended
     */
    boolean refill() throws IOException {
      if (ended) {
        return false;
      }
      makeRoom();
      while (limit < buf.length) {
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
          ended = true;
          break;
        }
        limit += n;
      }
      return true;
    }

    private void makeRoom() {
      int unread = limit - pos;
      boolean grow = unread > buf.length / 2 && buf.length < capacity;
      byte[] to = grow ? new byte[Math.min(capacity, 2 * buf.length)] : buf;
      System.arraycopy(buf, pos, to, 0, unread);
      buf = to;
      pos = 0;
      limit = unread;
    }
  }
}
