package org.kho.repository;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

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
 * <p>Safe for concurrent use.
 */
public final class Chunker {
  /** The length of the seed, in bytes. */
  public static final int SEED_BYTES = 32;
  /** How many of the hash's top bits the mask bits are spread over. */
  private static final int MASK_SPAN = 48;
  /** Each thread's own read buffer, kept from one split to the next: most files fit in it. */
  private static final int SMALL_WINDOW = 2 << 20;
  private static final ThreadLocal<byte[]> SMALL = new ThreadLocal<>();
  /**
   * How many large read buffers (the longest chunk and a read block) the threads splitting share: a
   * thread whose chunk outgrows its small buffer waits for one, so many readers never hold a
   * large buffer each.
   */
  private static final int LARGE_WINDOWS = 2;
  private static final int READ_BLOCK = 1 << 20;

  private final ChunkerParams params;
  private final long[] gear;
  private final long maskBelowAvg;
  private final long maskFromAvg;
  private final BlockingQueue<byte[]> large = new ArrayBlockingQueue<>(LARGE_WINDOWS);
  private final Semaphore largeLeft = new Semaphore(LARGE_WINDOWS);

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
   * into the calling thread's buffer of {@value #SMALL_WINDOW} bytes, or, for chunks that outgrow
   * it, into one of {@value #LARGE_WINDOWS} buffers of {@code max} + 1 MiB shared by all threads (so
   * a split may wait for another to finish); does not close {@code in}.
   *
   * @throws IOException from the stream or the sink, which ends the split
   */
  public void split(InputStream in, ChunkSink sink) throws IOException {
    byte[] small = SMALL.get();
    SMALL.remove(); // a sink that splits again on this thread gets a buffer of its own
    if (small == null) {
      small = new byte[Math.min(SMALL_WINDOW, largeSize())];
    }
    Window window = new Window(in, small);
    try {
      for (int len; (len = nextChunk(window)) > 0; window.pos += len) {
        sink.accept(window.buf, window.pos, len);
      }
    } finally {
      if (window.buf != small) {
        large.add(window.buf);
        largeLeft.release();
      }
      SMALL.set(small);
    }
  }

  /**
   * The length of the next chunk in the window, reading more while it may go on; 0 at the end.
   * After a refill the search goes on where it stopped: a chunk that spans a refill has its bytes
   * hashed once, not again from its start (on log text that saved a quarter of the hashing).
   */
  private int nextChunk(Window window) throws IOException {
    int checked = 0;
    while (true) {
      int available = window.limit - window.pos;
      int len = cut(window.buf, window.pos, available, checked);
      if (len < available || available >= params.max() || !window.refill()) {
        return len;
      }
      checked = available;
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
    return cut(buf, off, len, 0);
  }

  /**
   * {@link #cut(byte[], int, int)}, knowing that no chunk ends in the first {@code checked} bytes
   * (a search of them found none, and {@code len} is at least {@code checked}): the search starts
   * after them. The hash at a byte depends on the {@value Long#SIZE} bytes up to it only (older
   * ones are shifted out), so it is rebuilt from those, and the cuts are those of a whole search.
   */
  private int cut(byte[] buf, int off, int len, int checked) {
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
    int from = off + Math.clamp(checked, params.min(), end - off);
    for (int k = Math.max(i, from - Long.SIZE); k < from; k++) {
      h = (h << 1) + g[buf[k] & 0xff];
    }
    i = from;
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

  /**
   * The size of a large buffer: the longest chunk and one read block. A refill moves fewer than
   * {@code max} unread bytes to the front, so each then reads at least a block.
   */
  private int largeSize() {
    return params.max() + READ_BLOCK;
  }

  /** A shared large buffer, once one is free. */
  private byte[] takeLarge() throws IOException {
    try {
      largeLeft.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a read buffer");
    }
    byte[] buf = large.poll();
    return buf != null ? buf : new byte[largeSize()];
  }

  /** The bytes read ahead from a stream: {@code buf[pos, limit)} are not yet chunked. */
  private final class Window {
    private final InputStream in;
    byte[] buf;
    int pos;
    int limit;
    private boolean ended;

    Window(InputStream in, byte[] small) {
      this.in = in;
      this.buf = small;
    }

    /**
     * Moves the unread bytes to the front (into a shared large buffer if they fill more than half
     * of the small one) and reads until the buffer is full or the stream ends. Called when fewer
     * than {@code max} bytes are unread, so in a large buffer each call reads more than it moves.
     *
     * @return {@code false}, with nothing done, if the stream had already ended
     */
    boolean refill() throws IOException {
      if (ended) {
        return false;
      }
      makeRoom();
      while (limit < buf.length) {
        // at most READ_BLOCK a call: the JDK copies through a per-thread native buffer of the read's size
        int n = in.read(buf, limit, Math.min(READ_BLOCK, buf.length - limit));
        if (n < 0) {
          ended = true;
          break;
        }
        limit += n;
      }
      return true;
    }

    private void makeRoom() throws IOException {
      int unread = limit - pos;
      boolean grow = unread > buf.length / 2 && buf.length < largeSize();
      byte[] to = grow ? takeLarge() : buf;
      System.arraycopy(buf, pos, to, 0, unread);
      buf = to;
      pos = 0;
      limit = unread;
    }
  }
}
