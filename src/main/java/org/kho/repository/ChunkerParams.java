package org.kho.repository;

/**
 * The sizes a {@link Chunker} works to: no chunk is longer than {@code max}, none is shorter than
 * {@code min} except the last of a stream, and cut points below {@code avg} are rarer than cut
 * points above it (FastCDC's normalised chunking), so most chunks land near {@code avg}.
 *
 * <p>With {@code min = avg / 2}, as in {@link #DEFAULT}, the mean chunk on random data comes out
 * 15 to 20% above {@code avg}, because no cut is made in the first {@code min} bytes.
 *
 * @param min the shortest chunk, at least {@value #SMALLEST_MIN} bytes
 * @param avg the size the cut-point masks are derived from: a power of two, above {@code min}
 * @param max the longest chunk: above {@code avg}, at most {@value #LARGEST_MAX} bytes
 */
public record ChunkerParams(int min, int avg, int max) {
  /** The smallest {@code min}: the gear hash needs this many bytes to fill its 64 bits. */
  public static final int SMALLEST_MIN = 64;
  /** The largest {@code max}, 256 MiB: a chunk is held whole in memory, twice over when read. */
  public static final int LARGEST_MAX = 1 << 28;
  /** The repository default (DESIGN §4): 512 KiB, 1 MiB, 8 MiB. */
  public static final ChunkerParams DEFAULT = new ChunkerParams(512 << 10, 1 << 20, 8 << 20);

  public ChunkerParams {
    if (Integer.bitCount(avg) != 1) {
      throw new IllegalArgumentException("avg (" + avg + ") must be a power of two");
    }
    if (min < SMALLEST_MIN || max > LARGEST_MAX) {
      throw new IllegalArgumentException("chunk sizes must lie in [" + SMALLEST_MIN + ", "
          + LARGEST_MAX + "]; got min " + min + ", max " + max);
    }
    if (!(min < avg && avg < max)) {
      throw new IllegalArgumentException(
          "need min < avg < max; got " + min + ", " + avg + ", " + max);
    }
  }

  /** The number of bits in {@code avg}'s cut-point mask: log2(avg). */
  int avgBits() {
    return Integer.numberOfTrailingZeros(avg);
  }
}
