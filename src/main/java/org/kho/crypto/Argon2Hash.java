package org.kho.crypto;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** The BLAKE2b hashes around Argon2's memory: H0 of the inputs and the variable-length H' (RFC 9106, 3.2-3.3). */
final class Argon2Hash {
  /** Argon2id's type number y. */
  static final int TYPE_ID = 2;
  /** Version 1.3. */
  static final int VERSION = 0x13;

  private Argon2Hash() {}

  /** H0 = H^64(p, T, m, t, v, y, |P|, P, |S|, S, |K|, K, |X|, X), lengths and numbers as 32-bit little-endian. */
  static byte[] h0(Argon2id params, int tagLength, byte[] password, byte[] salt, byte[] key, byte[] associated) {
    Blake2bDigest d = new Blake2bDigest(512);
    for (int n : new int[] {params.parallelism(), tagLength, params.memoryKiB(), params.iterations(), VERSION, TYPE_ID}) {
      update(d, n);
    }
    for (byte[] field : new byte[][] {password, salt, key, associated}) {
      update(d, field.length);
      d.update(field, 0, field.length);
    }
    byte[] out = new byte[64];
    d.doFinal(out, 0);
    return out;
  }

  /** H'^out.length(input): BLAKE2b of up to 64 bytes, or a chain of 64-byte hashes giving 32 bytes each. */
  static void hPrime(byte[] out, byte[] input) {
    int t = out.length;
    Blake2bDigest d = new Blake2bDigest(Math.min(t, 64) * 8);
    update(d, t);
    d.update(input, 0, input.length);
    if (t <= 64) {
      d.doFinal(out, 0);
      return;
    }
    byte[] v = new byte[64];
    d.doFinal(v, 0);
    int r = (t + 31) / 32 - 2;
    System.arraycopy(v, 0, out, 0, 32);
    for (int i = 1; i < r; i++) {
      d.update(v, 0, 64);
      d.doFinal(v, 0); // doFinal resets d for the next link
      System.arraycopy(v, 0, out, 32 * i, 32);
    }
    Blake2bDigest last = new Blake2bDigest((t - 32 * r) * 8);
    last.update(v, 0, 64);
    last.doFinal(out, 32 * r);
  }

  private static void update(Blake2bDigest d, int n) {
    d.update((byte) n);
    d.update((byte) (n >>> 8));
    d.update((byte) (n >>> 16));
    d.update((byte) (n >>> 24));
  }
}
