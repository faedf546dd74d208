package org.kho.repository;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every blob the given snapshots reference: their trees, and the chunks of every file in them. */
final class UsedBlobs {
  private UsedBlobs() {}

  /**
   * Walks every tree once. Throws {@link RepositoryException.Damaged} when a tree cannot be read:
   * what it references is unknown, and prune must not guess.
   */
  static Set<BlobId> of(Repository repo, List<SnapshotRef> snapshots) {
    Set<BlobId> used = new HashSet<>();
    Deque<BlobId> trees = new ArrayDeque<>();
    for (SnapshotRef s : snapshots) {
      BlobId root = BlobId.parse(s.snapshot().tree());
      if (used.add(root)) {
        trees.push(root);
      }
    }
    while (!trees.isEmpty()) {
      for (Node n : repo.readTree(trees.pop()).nodes()) {
        if (n.content() != null) {
          n.content().forEach(id -> used.add(BlobId.parse(id)));
        }
        if (n.subtree() != null && used.add(BlobId.parse(n.subtree()))) {
          trees.push(BlobId.parse(n.subtree()));
        }
      }
    }
    return used;
  }
}
