package org.kho.crypto;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Argon2's memory: {@code lanes} rows of 1 KiB blocks, each row cut into 4 slices (RFC 9106,
 * 3.4). It lives outside the Java heap, in an arena the caller closes as soon as the tag is out:
 * the 64 MiB of a passphrase slot go back to the system at once instead of filling the heap and
 * costing garbage collections. Within one slice every lane is filled independently of the others
 * (a block only refers to blocks of finished slices, or to its own lane), so the segments of one
 * slice may be filled by different threads; the slice's end is the synchronisation point.
 */
final class Argon2Matrix {
  static final int SYNC_POINTS = 4;
  private static final int BLOCK_BYTES = Argon2Compression.WORDS * Long.BYTES;
  private static final int ADDRESSES_PER_BLOCK = Argon2Compression.WORDS;
  private final MemorySegment memory;
  private final int lanes;
  private final int passes;
  private final int segmentLength;
  private final int laneLength;
  private final int blocks;

  Argon2Matrix(Arena arena, Argon2id params) {
    this.lanes = params.parallelism();
    this.passes = params.iterations();
    this.segmentLength = Math.max(params.memoryKiB(), 2 * SYNC_POINTS * lanes) / (SYNC_POINTS * lanes);
    this.laneLength = segmentLength * SYNC_POINTS;
    this.blocks = laneLength * lanes;
    this.memory = arena.allocate((long) blocks * BLOCK_BYTES, Long.BYTES);
  }

  int lanes() {
    return lanes;
  }

  int passes() {
    return passes;
  }

  /** Writes the first two blocks of every lane from H0 (RFC 9106, 3.2 steps 3-4). */
  void start(byte[] h0) {
    byte[] input = java.util.Arrays.copyOf(h0, h0.length + 8);
    byte[] bytes = new byte[BLOCK_BYTES];
    long[] block = new long[Argon2Compression.WORDS];
    for (int lane = 0; lane < lanes; lane++) {
      for (int column = 0; column < 2; column++) {
        putLe32(input, h0.length, column);
        putLe32(input, h0.length + 4, lane);
        Argon2Hash.hPrime(bytes, input);
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(block);
        store(block, lane * laneLength + column);
      }
    }
    java.util.Arrays.fill(bytes, (byte) 0);
  }

  /** The tag: H' of the XOR of every lane's last block (RFC 9106, 3.2 steps 7-8). */
  void finish(byte[] tag) {
    long[] sum = new long[Argon2Compression.WORDS];
    long[] block = new long[Argon2Compression.WORDS];
    for (int lane = 0; lane < lanes; lane++) {
      load(lane * laneLength + laneLength - 1, block);
      for (int i = 0; i < sum.length; i++) {
        sum[i] ^= block[i];
      }
    }
    byte[] bytes = new byte[BLOCK_BYTES];
    java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(sum);
    Argon2Hash.hPrime(tag, bytes);
    java.util.Arrays.fill(bytes, (byte) 0);
  }

  /** Overwrites the memory with zeros, before the arena gives it back. */
  void wipe() {
    memory.fill((byte) 0);
  }

  /**
   * Fills one lane's segment of one slice; {@code w} is the calling thread's scratch space. The
   * loops only pick each block's pseudo-random number and call {@link #fillBlock}: a segment is
   * filled a few dozen times per derivation, too few for the JIT to compile its loop, while a
   * block is filled thousands of times, so the per-block work is compiled within the first slice.
   */
  void fillSegment(Worker w, int pass, int lane, int slice) {
    int start = pass == 0 && slice == 0 ? 2 : 0;
    int column = slice * segmentLength + start;
    w.begin(lane * laneLength, column, pass == 0 && slice == 0 ? lane : -1,
        pass == 0 ? (long) slice * segmentLength : laneLength - segmentLength,
        pass != 0 && slice != SYNC_POINTS - 1 ? (slice + 1) * segmentLength : 0);
    load(lane * laneLength + (column == 0 ? laneLength - 1 : column - 1), w.prev);
    if (pass == 0 && slice < SYNC_POINTS / 2) { // Argon2id: Argon2i's data-independent addressing first
      w.resetAddresses(pass, lane, slice, blocks, passes);
      for (int i = start; i < segmentLength; i++) {
        fillBlock(w, i, w.address(i, i == start));
      }
    } else {
      for (int i = start; i < segmentLength; i++) {
        fillBlock(w, i, w.prev[0]);
      }
    }
  }

  /**
   * Block {@code index} of the worker's segment: {@code next ^= G(prev, ref)}, the reference
   * picked by {@code random} (RFC 9106, 3.4.1.2: the lane from its high half, a non-uniform pick of
   * the column from the blocks allowed by its low half). No branch on the pass or slice: those
   * are in the worker's per-segment fields.
   */
  private void fillBlock(Worker w, int index, long random) {
    int refLane = w.fixedLane >= 0 ? w.fixedLane : (int) ((random >>> 32) % lanes);
    boolean sameLane = refLane * laneLength == w.laneStart;
    long area = w.areaBase + (sameLane ? index - 1 : index == 0 ? -1 : 0);
    long x = (random & 0xFFFFFFFFL) * (random & 0xFFFFFFFFL) >>> 32;
    long relative = area - 1 - (area * x >>> 32);
    int refColumn = (int) ((w.areaStart + relative) % laneLength);
    int block = w.laneStart + w.column;
    load(refLane * laneLength + refColumn, w.ref);
    load(block, w.next); // zeros in the first pass: the arena's memory starts zeroed
    w.compression.fill(w.prev, w.ref, w.next);
    store(w.next, block);
    w.swap();
  }

  private void load(int block, long[] into) {
    MemorySegment.copy(memory, ValueLayout.JAVA_LONG, (long) block * BLOCK_BYTES, into, 0, Argon2Compression.WORDS);
  }

  private void store(long[] from, int block) {
    MemorySegment.copy(from, 0, memory, ValueLayout.JAVA_LONG, (long) block * BLOCK_BYTES, Argon2Compression.WORDS);
  }

  private static void putLe32(byte[] b, int at, int n) {
    b[at] = (byte) n;
    b[at + 1] = (byte) (n >>> 8);
    b[at + 2] = (byte) (n >>> 16);
    b[at + 3] = (byte) (n >>> 24);
  }

  /** One thread's scratch blocks, the address generator and the segment being filled. */
  static final class Worker {
    final Argon2Compression compression = new Argon2Compression();
    long[] prev = new long[Argon2Compression.WORDS];
    long[] next = new long[Argon2Compression.WORDS];
    final long[] ref = new long[Argon2Compression.WORDS];
    private long[] address = new long[ADDRESSES_PER_BLOCK];
    private long[] spare = new long[ADDRESSES_PER_BLOCK];
    private final long[] input = new long[Argon2Compression.WORDS];
    private final long[] zero = new long[Argon2Compression.WORDS];
    /** First block of the lane, and the column of the block being filled. */
    int laneStart;
    int column;
    /** The lane every reference is in (the first slice of the first pass), else -1. */
    int fixedLane;
    /** The blocks a reference may be picked from: {@code areaBase} plus what the index adds, from column {@code areaStart}. */
    long areaBase;
    int areaStart;

    void begin(int laneStart, int column, int fixedLane, long areaBase, int areaStart) {
      this.laneStart = laneStart;
      this.column = column;
      this.fixedLane = fixedLane;
      this.areaBase = areaBase;
      this.areaStart = areaStart;
    }

    void resetAddresses(int pass, int lane, int slice, int blocks, int passes) {
      java.util.Arrays.fill(input, 0);
      input[0] = pass;
      input[1] = lane;
      input[2] = slice;
      input[3] = blocks;
      input[4] = passes;
      input[5] = Argon2Hash.TYPE_ID;
    }

    /** The pseudo-random number of block {@code index} in data-independent addressing. */
    long address(int index, boolean first) {
      if (first || index % ADDRESSES_PER_BLOCK == 0) {
        nextAddresses();
      }
      return address[index % ADDRESSES_PER_BLOCK];
    }

    /** The next block of 128 pseudo-random addresses: G(0, G(0, input)) with input's counter advanced. */
    private void nextAddresses() {
      input[6]++;
      java.util.Arrays.fill(spare, 0);
      compression.fill(zero, input, spare);
      java.util.Arrays.fill(address, 0);
      compression.fill(zero, spare, address);
    }

    void swap() {
      long[] t = prev;
      prev = next;
      next = t;
      column++;
    }

    /** Zeros the scratch blocks, which held copies of the memory. */
    void wipe() {
      for (long[] a : new long[][] {prev, next, ref, address, spare, input}) {
        java.util.Arrays.fill(a, 0);
      }
    }
  }
}
