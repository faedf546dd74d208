package org.kho.check;

import org.kho.repository.Repository;

/**
 * How deep to check.
 *
 * @param readPercent the share of packs to read in full and verify: 0 for structure only, 100 for
 *     {@code --read-data}, anything between for {@code --read-data-subset N%}
 */
public record CheckRequest(int readPercent) {
  public CheckRequest {
    if (readPercent < 0 || readPercent > 100) {
      throw new IllegalArgumentException("a percentage is between 0 and 100");
    }
  }

  /**
   * {@code defaults} as this check should open the repository with: ready for bulk data when it
   * reads packs, and fetching them ahead when it reads them all.
   */
  public Repository.Options options(Repository.Options defaults) {
    return readPercent == 100 ? defaults.forReadingEveryPack() : readPercent > 0 ? defaults.forBulkData() : defaults;
  }
}
