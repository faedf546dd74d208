package org.kho.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) to stretch a passphrase into a key-encryption key.
 *
 * @param memoryKiB memory cost in KiB
 * @param iterations passes over the memory
 * @param parallelism lanes
 */
public record Argon2id(int memoryKiB, int iterations, int parallelism) {
  /** RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes): about 0.3 s here. */
  public static final Argon2id DEFAULT = new Argon2id(64 * 1024, 3, 4);

  public Argon2id {
    if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1 || memoryKiB > 4 * 1024 * 1024) {
      throw new IllegalArgumentException("Argon2id parameters out of range");
    }
  }

  /** {@code length} bytes derived from {@code secret} and {@code salt}. */
  public byte[] derive(byte[] secret, byte[] salt, int length) {
    Argon2BytesGenerator gen = new Argon2BytesGenerator();
    gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKiB).withIterations(iterations).withParallelism(parallelism)
        .withSalt(salt).build());
    byte[] out = new byte[length];
    gen.generateBytes(secret, out);
    return out;
  }
}
