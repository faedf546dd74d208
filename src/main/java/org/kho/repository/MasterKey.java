package org.kho.repository;

import java.security.SecureRandom;
import org.kho.crypto.Aead;
import org.kho.crypto.Hkdf;
import org.kho.crypto.KeyedHash;

/**
 * The repository's random secrets, made once at {@code init} and kept only inside key slots:
 * the encryption key (sub-keys per pack and for files are derived from it), the id key (chunk ids)
 * and the chunker seed (keyed cut points).
 */
final class MasterKey {
  static final int BYTES = 96;
  private final byte[] encryption;
  private final byte[] id;
  private final byte[] chunkerSeed;
  private final KeyedHash ids;
  /** Pack keys by salt, so reading many blobs of one pack derives its key once. Bounded. */
  private final java.util.Map<java.nio.ByteBuffer, Aead> packKeys = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<java.nio.ByteBuffer, Aead> eldest) {
          return size() > 256;
        }
      });

  private MasterKey(byte[] material) {
    if (material.length != BYTES) {
      throw new IllegalArgumentException("master key material has " + BYTES + " bytes");
    }
    this.encryption = java.util.Arrays.copyOfRange(material, 0, 32);
    this.id = java.util.Arrays.copyOfRange(material, 32, 64);
    this.chunkerSeed = java.util.Arrays.copyOfRange(material, 64, 96);
    this.ids = new KeyedHash(id);
  }

  static MasterKey random() {
    byte[] m = new byte[BYTES];
    new SecureRandom().nextBytes(m);
    return new MasterKey(m);
  }

  static MasterKey of(byte[] material) {
    return new MasterKey(material);
  }

  byte[] material() {
    byte[] m = new byte[BYTES];
    System.arraycopy(encryption, 0, m, 0, 32);
    System.arraycopy(id, 0, m, 32, 32);
    System.arraycopy(chunkerSeed, 0, m, 64, 32);
    return m;
  }

  /** The key that seals the blobs and header of the pack with this salt. */
  Aead packKey(byte[] salt) {
    return packKeys.computeIfAbsent(java.nio.ByteBuffer.wrap(salt.clone()),
        s -> new Aead(Hkdf.derive(encryption, salt, "kho pack v1", Aead.KEY_BYTES)));
  }

  /** The key that seals index, snapshot and lock objects (each with its own random nonce). */
  Aead fileKey() {
    return new Aead(Hkdf.derive(encryption, new byte[0], "kho file v1", Aead.KEY_BYTES));
  }

  /** The keyed hash of chunk ids (thread-safe, one per repository). */
  KeyedHash ids() {
    return ids;
  }

  byte[] chunkerSeed() {
    return chunkerSeed.clone();
  }
}
