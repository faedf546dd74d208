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

  /** Fills one lane's segment of one slice; {@code w} is the calling thread's scratch space. */
  void fillSegment(Worker w, int pass, int lane, int slice) {
    boolean independent = pass == 0 && slice < SYNC_POINTS / 2; // Argon2id: Argon2i addressing first
    int start = pass == 0 && slice == 0 ? 2 : 0;
    if (independent) {
      w.resetAddresses(pass, lane, slice, blocks, passes);
    }
    int column = slice * segmentLength + start;
    int laneStart = lane * laneLength;
    load(laneStart + (column == 0 ? laneLength - 1 : column - 1), w.prev);
    for (int i = start; i < segmentLength; i++, column++) {
      long random;
      if (independent) {
        if (i == start || i % ADDRESSES_PER_BLOCK == 0) {
          w.nextAddresses();
        }
        random = w.address[i % ADDRESSES_PER_BLOCK];
      } else {
        random = w.prev[0];
      }
      int refLane = pass == 0 && slice == 0 ? lane : (int) ((random >>> 32) % lanes);
      int refColumn = referenceColumn(pass, slice, i, random & 0xFFFFFFFFL, refLane == lane);
      load(refLane * laneLength + refColumn, w.ref);
      if (pass > 0) {
        load(laneStart + column, w.next);
      }
      w.compression.fill(w.prev, w.ref, w.next, pass > 0);
      store(w.next, laneStart + column);
      w.swap();
    }
  }

  /** The column of the reference block (RFC 9106, 3.4.1.2): a non-uniform pick from the blocks allowed. */
  private int referenceColumn(int pass, int slice, int index, long random, boolean sameLane) {
    long area;
    if (pass == 0) {
      area = slice == 0 ? index - 1 : (long) slice * segmentLength + (sameLane ? index - 1 : index == 0 ? -1 : 0);
    } else {
      area = laneLength - segmentLength + (sameLane ? index - 1 : index == 0 ? -1 : 0);
    }
    long x = random * random >>> 32;
    long relative = area - 1 - (area * x >>> 32);
    long first = pass != 0 && slice != SYNC_POINTS - 1 ? (long) (slice + 1) * segmentLength : 0;
    return (int) ((first + relative) % laneLength);
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

  /** One thread's scratch blocks: the previous, reference and next block, and the address generator. */
  static final class Worker {
    final Argon2Compression compression = new Argon2Compression();
    long[] prev = new long[Argon2Compression.WORDS];
    long[] next = new long[Argon2Compression.WORDS];
    final long[] ref = new long[Argon2Compression.WORDS];
    final long[] address = new long[ADDRESSES_PER_BLOCK];
    private final long[] input = new long[Argon2Compression.WORDS];
    private final long[] zero = new long[Argon2Compression.WORDS];

    void resetAddresses(int pass, int lane, int slice, int blocks, int passes) {
      java.util.Arrays.fill(input, 0);
      input[0] = pass;
      input[1] = lane;
      input[2] = slice;
      input[3] = blocks;
      input[4] = passes;
      input[5] = Argon2Hash.TYPE_ID;
    }

    /** The next block of 128 pseudo-random addresses: G(0, G(0, input)) with input's counter advanced. */
    void nextAddresses() {
      input[6]++;
      compression.fill(zero, input, address, false);
      compression.fill(zero, address, address, false);
    }

    void swap() {
      long[] t = prev;
      prev = next;
      next = t;
    }

    /** Zeros the scratch blocks, which held copies of the memory. */
    void wipe() {
      for (long[] a : new long[][] {prev, next, ref, address, input}) {
        java.util.Arrays.fill(a, 0);
      }
    }
  }
}
