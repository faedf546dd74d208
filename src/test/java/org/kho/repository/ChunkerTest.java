package org.kho.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChunkerTest {
  /** Small sizes, so that a few MiB give hundreds of chunks. */
  private static final ChunkerParams SMALL = new ChunkerParams(2 << 10, 8 << 10, 64 << 10);
  private static final Chunker CHUNKER = new Chunker(seed(1), SMALL);

  @Test
  void theSameSeedGivesTheSameChunks() throws IOException {
    byte[] data = random(4 << 20, 7);

    assertThat(lengths(new Chunker(seed(1), SMALL), data)).isEqualTo(lengths(CHUNKER, data));
  }

  @Test
  void differentSeedsGiveDifferentBoundaries() throws IOException {
    byte[] data = random(4 << 20, 7);

    Set<Long> ends = ends(lengths(CHUNKER, data));
    Set<Long> otherEnds = ends(lengths(new Chunker(seed(2), SMALL), data));
    otherEnds.retainAll(ends);

    assertThat(otherEnds).as("boundaries shared by two seeds").hasSizeLessThan(ends.size() / 10);
  }

  @Test
  void everyChunkButTheLastIsBetweenMinAndMax() throws IOException {
    byte[] zeros = new byte[1 << 20];
    byte[] repeating = new byte[1 << 20];
    for (int i = 0; i < repeating.length; i++) {
      repeating[i] = (byte) (i % 251);
    }
    for (byte[] data : List.of(random(4 << 20, 3), zeros, repeating)) {
      List<Integer> lengths = lengths(CHUNKER, data);

      assertThat(lengths.subList(0, lengths.size() - 1)).allSatisfy(length ->
          assertThat(length).isBetween(SMALL.min(), SMALL.max()));
      assertThat(lengths.getLast()).isBetween(1, SMALL.max());
    }
  }

  @Test
  void theChunksJoinUpToTheInput() throws IOException {
    byte[] data = random(3 << 20, 11);

    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    CHUNKER.split(new ByteArrayInputStream(data), joined::write);

    assertThat(joined.toByteArray()).isEqualTo(data);
  }

  @Test
  void theDefaultChunkOfRandomDataIsNearOneMebibyte() throws IOException {
    Chunker chunker = new Chunker(seed(1), ChunkerParams.DEFAULT);
    List<Integer> lengths = lengths(chunker, random(64 << 20, 5));

    double mean = lengths.stream().mapToInt(Integer::intValue).average().orElseThrow();
    System.out.printf("default params: %d chunks of 64 MiB, mean %.0f bytes (%.2f x avg)%n",
        lengths.size(), mean, mean / ChunkerParams.DEFAULT.avg());
    assertThat(mean / ChunkerParams.DEFAULT.avg()).isBetween(0.75, 1.25);
  }

  @Test
  void theMeanSmallChunkIsNearTheAverage() throws IOException {
    List<Integer> lengths = lengths(CHUNKER, random(16 << 20, 5));

    double mean = lengths.stream().mapToInt(Integer::intValue).average().orElseThrow();
    assertThat(mean / SMALL.avg()).isBetween(0.75, 1.25);
  }

  @Test
  void anInsertionChangesOnlyTheChunksAroundIt() throws IOException {
    byte[] data = random(8 << 20, 13);
    byte[] inserted = random(100, 17);
    int at = data.length / 2 + 12345;
    byte[] edited = new byte[data.length + inserted.length];
    System.arraycopy(data, 0, edited, 0, at);
    System.arraycopy(inserted, 0, edited, at, inserted.length);
    System.arraycopy(data, at, edited, at + inserted.length, data.length - at);

    Set<String> before = new HashSet<>(contents(CHUNKER, data));
    List<String> after = contents(CHUNKER, edited);

    assertThat(before).hasSizeGreaterThan(500);
    assertThat(after.stream().filter(chunk -> !before.contains(chunk)).count())
        .as("new chunks after inserting 100 bytes").isBetween(1L, 3L);
  }

  @Test
  void shortReadsGiveTheSameChunksAsOneArray() throws IOException {
    byte[] data = random(4 << 20, 19);

    List<String> chunks = new ArrayList<>();
    CHUNKER.split(new ShortReads(data), (buf, off, len) -> chunks.add(hex(buf, off, len)));

    assertThat(chunks).isEqualTo(contents(CHUNKER, data));
  }

  @Test
  void splitAndCutAgree() throws IOException {
    byte[] data = random(2 << 20, 23);

    List<Integer> cuts = new ArrayList<>();
    for (int off = 0; off < data.length; ) {
      int len = CHUNKER.cut(data, off, data.length - off);
      cuts.add(len);
      off += len;
    }

    assertThat(cuts).isEqualTo(lengths(CHUNKER, data));
  }

  /**
   * Boundaries of the default parameters on 20 MiB of access-log text, as every earlier version cut
   * them: a repository's chunks must not move, or its data stops deduplicating.
   */
  @Test
  void defaultChunksOfLogTextStayWhereTheyWere() throws IOException {
    Chunker chunker = new Chunker(seed(1), ChunkerParams.DEFAULT);

    assertThat(lengths(chunker, logText(20 << 20, 31))).containsExactly(1498660, 1179062, 534445, 1234625, 779527,
        1093553, 1269809, 935336, 1105084, 1172974, 1329630, 1073437, 2482291, 1589219, 1584004, 1181200, 928664);
  }

  @Test
  void chunksThatSpanRefillsEndWhereOneSearchOfTheWholeDataEnds() throws IOException {
    Chunker chunker = new Chunker(seed(3), ChunkerParams.DEFAULT);
    byte[] text = logText(24 << 20, 37);
    byte[] mixed = new byte[text.length];
    System.arraycopy(text, 0, mixed, 0, text.length);
    System.arraycopy(random(6 << 20, 41), 0, mixed, 9 << 20, 6 << 20);

    for (byte[] data : List.of(text, mixed)) {
      List<Integer> cuts = new ArrayList<>();
      for (int off = 0; off < data.length; off += cuts.getLast()) {
        cuts.add(chunker.cut(data, off, data.length - off));
      }
      List<Integer> split = new ArrayList<>();
      chunker.split(new ShortReads(data), (buf, off, len) -> split.add(len));

      assertThat(lengths(chunker, data)).isEqualTo(cuts);
      assertThat(split).isEqualTo(cuts);
    }
  }

  @Test
  void emptyInputGivesNoChunk() throws IOException {
    assertThat(lengths(CHUNKER, new byte[0])).isEmpty();
    assertThat(CHUNKER.cut(new byte[0], 0, 0)).isZero();
  }

  @Test
  void inputsUpToMinAreOneChunk() throws IOException {
    for (int size : new int[] {1, 100, SMALL.min()}) {
      assertThat(lengths(CHUNKER, random(size, size))).containsExactly(size);
    }
  }

  @Test
  void aDefaultChunkerSplitsATinyFileInTheThreadsSmallBufferNotASharedLargeOne() throws IOException {
    List<Integer> lengths = new ArrayList<>();
    new Chunker(seed(1), ChunkerParams.DEFAULT)
        .split(new ShortReads(random(1000, 1)), (buf, off, len) -> {
          assertThat(buf.length).isLessThanOrEqualTo(2 << 20).isLessThan(ChunkerParams.DEFAULT.max());
          lengths.add(len);
        });

    assertThat(lengths).containsExactly(1000);
  }

  @Test
  void threadsSplittingAtOnceShareTheLargeBuffersAndCutWhereOneThreadAloneWould() throws Exception {
    Chunker chunker = new Chunker(seed(3), ChunkerParams.DEFAULT);
    byte[] data = random(24 << 20, 3);
    List<Integer> alone = lengths(chunker, data);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(5);
    try {
      List<java.util.concurrent.Future<List<Integer>>> runs = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        runs.add(pool.submit(() -> lengths(chunker, data)));
      }
      for (var run : runs) {
        assertThat(run.get()).isEqualTo(alone);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(alone).hasSizeGreaterThan(10);
  }

  @Test
  void aSinkMaySplitAgainOnTheSameThread() throws IOException {
    Chunker chunker = new Chunker(seed(4), ChunkerParams.DEFAULT);
    byte[] outer = random(12 << 20, 4);
    byte[] inner = random(12 << 20, 5);
    List<Integer> innerAlone = lengths(chunker, inner);
    List<List<Integer>> nested = new ArrayList<>();
    ByteArrayOutputStream joined = new ByteArrayOutputStream();

    chunker.split(new ByteArrayInputStream(outer), (buf, off, len) -> {
      nested.add(lengths(chunker, inner));
      joined.write(buf, off, len);
    });

    assertThat(joined.toByteArray()).isEqualTo(outer);
    assertThat(nested).isNotEmpty().allSatisfy(l -> assertThat(l).isEqualTo(innerAlone));
  }

  @Test
  void paramsRejectSizesOutOfOrderOrRange() {
    assertThatThrownBy(() -> new ChunkerParams(1 << 10, 3 << 10, 16 << 10))
        .hasMessageContaining("power of two");
    assertThatThrownBy(() -> new ChunkerParams(8 << 10, 8 << 10, 16 << 10))
        .hasMessageContaining("min < avg < max");
    assertThatThrownBy(() -> new ChunkerParams(1 << 10, 8 << 10, 8 << 10))
        .hasMessageContaining("min < avg < max");
    assertThatThrownBy(() -> new ChunkerParams(16, 64, 1024)).hasMessageContaining("[64, ");
    assertThatThrownBy(() -> new ChunkerParams(1 << 20, 1 << 27, 1 << 29))
        .hasMessageContaining("[64, ");
  }

  @Test
  void aSeedMustBeThirtyTwoBytes() {
    assertThatThrownBy(() -> new Chunker(new byte[16], SMALL)).hasMessageContaining("32 bytes");
  }

  @Test
  void spreadMasksHaveTheRequestedBitsInTheTopOfTheHash() {
    for (int bits : new int[] {4, 18, 22, 32}) {
      long mask = Chunker.spreadMask(bits);

      assertThat(Long.bitCount(mask)).isEqualTo(bits);
      assertThat(Long.numberOfTrailingZeros(mask)).isGreaterThanOrEqualTo(16);
      assertThat(mask).isNegative();
    }
  }

  private static List<Integer> lengths(Chunker chunker, byte[] data) throws IOException {
    List<Integer> lengths = new ArrayList<>();
    chunker.split(new ByteArrayInputStream(data), (buf, off, len) -> lengths.add(len));
    return lengths;
  }

  /** Each chunk's bytes in hex; equal chunks give equal strings. */
  private static List<String> contents(Chunker chunker, byte[] data) throws IOException {
    List<String> chunks = new ArrayList<>();
    chunker.split(new ByteArrayInputStream(data),
        (buf, off, len) -> chunks.add(hex(buf, off, len)));
    return chunks;
  }

  private static String hex(byte[] buf, int off, int len) {
    return HexFormat.of().formatHex(buf, off, off + len);
  }

  private static Set<Long> ends(List<Integer> lengths) {
    Set<Long> ends = new HashSet<>();
    long end = 0;
    for (int length : lengths) {
      end += length;
      ends.add(end);
    }
    return ends;
  }

  private static byte[] seed(int n) {
    byte[] seed = new byte[Chunker.SEED_BYTES];
    Arrays.fill(seed, (byte) n);
    return seed;
  }

  private static byte[] random(int size, long seed) {
    byte[] data = new byte[size];
    new SplittableRandom(seed).nextBytes(data);
    return data;
  }

  /** {@code size} bytes of made-up nginx access log lines. */
  private static byte[] logText(int size, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(size + 200);
    String[] paths = {"/", "/index.html", "/api/v1/items", "/login", "/static/app.js", "/images/logo.png"};
    while (sb.length() < size) {
      sb.append("10.").append(r.nextInt(256)).append('.').append(r.nextInt(256)).append('.').append(r.nextInt(256))
          .append(" - - [12/Oct/2026:").append(10 + r.nextInt(10)).append(':').append(10 + r.nextInt(50)).append(':')
          .append(10 + r.nextInt(50)).append(" +0700] \"GET ").append(paths[r.nextInt(paths.length)])
          .append(" HTTP/1.1\" ").append(r.nextBoolean() ? 200 : 304).append(' ').append(r.nextInt(100000))
          .append(" \"-\" \"Mozilla/5.0\"\n");
    }
    return Arrays.copyOf(sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII), size);
  }

  /** Gives at most a few hundred bytes per read, and fails a one-byte {@code read()}. */
  private static final class ShortReads extends InputStream {
    private final SplittableRandom random = new SplittableRandom(29);
    private final byte[] data;
    private int pos;

    ShortReads(byte[] data) {
      this.data = data;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos == data.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, data.length - pos), 1 + random.nextInt(700));
      System.arraycopy(data, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public int read() {
      throw new UncheckedIOException(new IOException("the chunker must not read byte by byte"));
    }
  }
}
