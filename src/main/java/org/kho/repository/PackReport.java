package org.kho.repository;

import java.util.List;
import java.util.Set;

/**
 * What reading one pack in full found.
 *
 * @param problems each thing wrong, in words naming the pack and blob
 * @param damaged the blobs that cannot be read correctly from this pack
 */
public record PackReport(String pack, int blobs, long bytes, List<String> problems, Set<BlobId> damaged) {
  public boolean ok() {
    return problems.isEmpty();
  }
}
