package org.kho.repository;

import java.io.IOException;
import java.time.Instant;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;

/**
 * The one plaintext {@code config} object: format version, repository id, chunker sizes. Written
 * last at init, so its presence means the repository is usable. Holds no secret.
 */
public record RepositoryConfig(int version, String id, Instant created, ChunkerParams chunker) {
  public static final int VERSION = 1;

  /**
   * The config object of the repository on {@code storage}, of any version. Throws
   * {@link RepositoryException.NotFound} when there is none and {@link RepositoryException.Damaged}
   * when it does not parse.
   */
  static RepositoryConfig read(Storage storage) {
    if (!storage.exists(ObjectName.CONFIG)) {
      throw new RepositoryException.NotFound(storage.describe());
    }
    try {
      return Json.MAPPER.readValue(storage.read(ObjectName.CONFIG), RepositoryConfig.class);
    } catch (IOException e) {
      throw new RepositoryException.Damaged("the config object of " + storage.describe() + " is unreadable", e);
    }
  }
}
