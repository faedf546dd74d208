package org.kho.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One stored key slot (an object in {@code keys/}): the master key sealed under a key derived
 * from a passphrase (Argon2id), a key file or a recovery key (HKDF). See FORMAT.md.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record KeySlot(int version, String kind, String label, Instant created, String host,
    Kdf kdf, String salt, String sealed) {

  static final String PASSPHRASE = "passphrase";
  static final String KEY_FILE = "key-file";
  static final String RECOVERY = "recovery";

  /** Argon2id parameters of a passphrase slot. */
  record Kdf(String algorithm, int memoryKiB, int iterations, int parallelism) {}
}
