package org.kho.repository;

import java.util.Map;

/**
 * Trees read together ({@link Repository#readTrees}): each verified tree by id, and for each tree
 * that cannot be read, why (missing from the index, its pack missing, its bytes damaged).
 */
public record Trees(Map<BlobId, Tree> read, Map<BlobId, RepositoryException.Damaged> damaged) {
  public Trees {
    read = Map.copyOf(read);
    damaged = Map.copyOf(damaged);
  }
}
