package org.kho.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kho.repository.BlobId;
import org.kho.repository.Node;
import org.kho.repository.Repository;
import org.kho.repository.RepositoryException;
import org.kho.repository.SnapshotRef;
import org.kho.repository.Tree;
import org.kho.repository.Trees;

/**
 * Walks every snapshot's trees: counts them, notes trees that cannot be read and chunks the index
 * does not know, and maps damaged blobs to the snapshots and files that need them.
 */
final class Affected {
  private final Repository repo;
  private final Set<BlobId> badBlobs;
  /** Damage description → affected "snapshot … : path" entries, in discovery order. */
  final Map<String, List<String>> findings = new LinkedHashMap<>();
  /** Trees walked so far, and whether everything under each was sound (then it is not walked again). */
  final Map<BlobId, Boolean> trees = new java.util.HashMap<>();
  /**
   * The trees of the snapshot being walked not walked before, read ahead a level of folders at a
   * time until they hold {@link #READ_AHEAD} entries (the walk itself keeps none; the rest is read
   * tree by tree).
   */
  private Trees ahead;
  private static final long READ_AHEAD = 50_000;

  Affected(Repository repo, Set<BlobId> badBlobs) {
    this.repo = repo;
    this.badBlobs = badBlobs;
  }

  void walk(List<SnapshotRef> snapshots) {
    for (SnapshotRef s : snapshots) {
      String label = "snapshot " + s.shortId() + " (" + s.snapshot().time() + ")";
      BlobId root = BlobId.parse(s.snapshot().tree());
      if (!Boolean.TRUE.equals(trees.get(root))) {
        ahead = repo.readTreesUnder(root, (path, id) -> !Boolean.TRUE.equals(trees.get(id)), READ_AHEAD);
        walk(root, "", label);
      }
    }
    ahead = null;
  }

  /** Walks a tree; returns whether everything under it is sound. */
  private boolean walk(BlobId treeId, String at, String snapshot) {
    if (Boolean.TRUE.equals(trees.get(treeId))) {
      return true;
    }
    Tree tree;
    try {
      tree = ahead.get(treeId, repo);
    } catch (RepositoryException.Damaged e) {
      note(e.getMessage(), snapshot + ": " + (at.isEmpty() ? "/" : at) + " and everything under it");
      trees.put(treeId, false);
      return false;
    }
    boolean sound = true;
    for (Node n : tree.nodes()) {
      String path = at + "/" + n.name();
      if (n.type() == Node.Type.DIR && n.subtree() != null) {
        sound &= walk(BlobId.parse(n.subtree()), path, snapshot);
      } else if (n.type() == Node.Type.FILE && n.content() != null) {
        sound &= file(n, path, snapshot);
      }
    }
    trees.put(treeId, sound);
    return sound;
  }

  private boolean file(Node n, String path, String snapshot) {
    boolean sound = true;
    for (String hex : n.content()) {
      BlobId id = BlobId.parse(hex);
      if (badBlobs.contains(id)) {
        note("data blob " + id.shortHex() + " is damaged", snapshot + ": " + path);
        sound = false;
      } else if (!repo.has(id)) {
        note("data blob " + id.shortHex() + " is in no readable index and no stored pack holds it", snapshot + ": " + path);
        sound = false;
      }
    }
    return sound;
  }

  private void note(String what, String where) {
    findings.computeIfAbsent(what, k -> new ArrayList<>()).add(where);
  }
}
