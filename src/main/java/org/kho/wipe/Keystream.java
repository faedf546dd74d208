package org.kho.wipe;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The random data of a {@link Pass.Random} pass: AES-256-CTR keystream under a per-pass key and
 * counter, addressable by device offset, so that verification and a resumed wipe regenerate exactly
 * the bytes written at any place. Uses the JDK's AES-CTR, whose hardware intrinsic only runs once
 * C2 has compiled it (after some thousands of calls): fed in 2 KiB pieces it is compiled after
 * ~16 MiB, where 64 KiB pieces leave it interpreted (~50 MiB/s) for the first ~300 MiB.
 */
final class Keystream {
  private static final int PIECE = 2 * 1024;
  private static final BigInteger TWO_128 = BigInteger.ONE.shiftLeft(128);
  private final byte[] key;
  private final byte[] iv;
  private final byte[] zeros = new byte[PIECE];
  private final byte[] out = new byte[PIECE];
  private final Cipher cipher;

  /** The keystream under {@code seed}: 32 bytes of key, then 16 of initial counter. */
  Keystream(byte[] seed) {
    if (seed.length != 48) {
      throw new IllegalArgumentException("a keystream seed is 48 bytes, not " + seed.length);
    }
    this.key = java.util.Arrays.copyOfRange(seed, 0, 32);
    this.iv = java.util.Arrays.copyOfRange(seed, 32, 48);
    try {
      this.cipher = Cipher.getInstance("AES/CTR/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java has no AES/CTR", e);
    }
  }

  /** A fresh seed from the system's CSPRNG. */
  static byte[] newSeed() {
    byte[] seed = new byte[48];
    new SecureRandom().nextBytes(seed);
    return seed;
  }

  /** Fills {@code buf} from its position to its limit with the keystream at device offset {@code offset}. */
  void fill(ByteBuffer buf, long offset) {
    if (offset % 16 != 0) {
      throw new IllegalArgumentException("keystream offsets are multiples of 16, not " + offset);
    }
    try {
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counterAt(offset)));
      while (buf.hasRemaining()) {
        int n = Math.min(PIECE, buf.remaining());
        int produced = cipher.update(zeros, 0, n, out, 0);
        buf.put(out, 0, produced);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR failed", e);
    }
  }

  private byte[] counterAt(long offset) {
    BigInteger counter = new BigInteger(1, iv).add(BigInteger.valueOf(offset / 16)).mod(TWO_128);
    byte[] raw = counter.toByteArray();
    byte[] block = new byte[16];
    int n = Math.min(16, raw.length);
    System.arraycopy(raw, raw.length - n, block, 16 - n, n);
    return block;
  }
}
