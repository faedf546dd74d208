package org.kho.repository;

import java.time.Instant;

/**
 * The one plaintext {@code config} object: format version, repository id, chunker sizes. Written
 * last at init, so its presence means the repository is usable. Holds no secret.
 */
public record RepositoryConfig(int version, String id, Instant created, ChunkerParams chunker) {
  public static final int VERSION = 1;
}
