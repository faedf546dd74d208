package org.kho.crypto;

/**
 * Argon2's compression function G over 1 KiB blocks held as 128 longs (RFC 9106, sections 3.5
 * and 3.6): the BLAKE2b round without message words, with the multiply-hardened BlaMka G, applied
 * to the 8 rows and then the 8 columns of the block seen as an 8×8 matrix of 16-byte registers.
 * One instance per thread: it keeps two scratch blocks.
 */
final class Argon2Compression {
  /** 64-bit words in a block. */
  static final int WORDS = 128;
  private final long[] r = new long[WORDS];
  private final long[] q = new long[WORDS];

  /**
   * {@code next ^= G(prev, ref)}: version 1.3's passes after the first, and the first too, whose
   * blocks start as zeros. One path, without a branch on the pass, so the compiled code seen in the
   * first pass is not thrown away (an uncommon trap) when the second begins. Three distinct arrays.
   */
  void fill(long[] prev, long[] ref, long[] next) {
    long[] r = this.r;
    long[] q = this.q;
    for (int i = 0; i < WORDS; i++) {
      r[i] = prev[i] ^ ref[i];
      q[i] = r[i] ^ next[i];
    }
    for (int i = 0; i < 8; i++) {
      round(r, 16 * i, 2); // row i: words 16i .. 16i+15
    }
    for (int i = 0; i < 8; i++) {
      round(r, 2 * i, 16); // column i: words 2i, 2i+1, 2i+16, 2i+17, ... 2i+113
    }
    for (int i = 0; i < WORDS; i++) {
      next[i] = q[i] ^ r[i];
    }
  }

  /** One BLAKE2b round on the 16 words at base + (k / 2) * stride + k % 2, k = 0..15. */
  private static void round(long[] v, int base, int stride) {
    int v0 = base;
    int v2 = base + stride;
    int v4 = base + 2 * stride;
    int v6 = base + 3 * stride;
    int v8 = base + 4 * stride;
    int v10 = base + 5 * stride;
    int v12 = base + 6 * stride;
    int v14 = base + 7 * stride;
    g(v, v0, v4, v8, v12);
    g(v, v0 + 1, v4 + 1, v8 + 1, v12 + 1);
    g(v, v2, v6, v10, v14);
    g(v, v2 + 1, v6 + 1, v10 + 1, v14 + 1);
    g(v, v0, v4 + 1, v10, v14 + 1);
    g(v, v0 + 1, v6, v10 + 1, v12);
    g(v, v2, v6 + 1, v8, v12 + 1);
    g(v, v2 + 1, v4, v8 + 1, v14);
  }

  private static void g(long[] v, int a, int b, int c, int d) {
    long va = v[a];
    long vb = v[b];
    long vc = v[c];
    long vd = v[d];
    va = blaMka(va, vb);
    vd = Long.rotateRight(vd ^ va, 32);
    vc = blaMka(vc, vd);
    vb = Long.rotateRight(vb ^ vc, 24);
    va = blaMka(va, vb);
    vd = Long.rotateRight(vd ^ va, 16);
    vc = blaMka(vc, vd);
    vb = Long.rotateRight(vb ^ vc, 63);
    v[a] = va;
    v[b] = vb;
    v[c] = vc;
    v[d] = vd;
  }

  private static long blaMka(long x, long y) {
    return x + y + 2 * (x & 0xFFFFFFFFL) * (y & 0xFFFFFFFFL);
  }
}
