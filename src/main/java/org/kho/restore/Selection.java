package org.kho.restore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kho.repository.BlobId;
import org.kho.repository.Node;
import org.kho.repository.Repository;
import org.kho.repository.RepositoryException;
import org.kho.repository.Tree;
import org.kho.repository.Trees;

/**
 * The entries of a snapshot a restore writes, in tree order (parents before children), each with
 * its place in the snapshot and on disk. A folder whose tree is damaged is left out with all it
 * holds and noted in {@link #unreadable}; the root tree must be readable.
 */
final class Selection {
  /** One entry to write. */
  record Entry(String snapshotPath, Path destination, Node node) {}

  private final Repository repo;
  private final List<String> includes;
  private final java.util.function.Predicate<String> only;
  final List<Entry> dirs = new ArrayList<>();
  final List<Entry> files = new ArrayList<>();
  final List<Entry> others = new ArrayList<>();
  /** Folders whose tree cannot be read: neither they nor anything in them is restored. */
  final List<RestoreResult.Failure> unreadable = new ArrayList<>();
  /** The trees {@link #collect} reads ahead, a level of folders at a time; dropped when it is done. */
  private Trees ahead;

  Selection(Repository repo, List<String> includes, java.util.function.Predicate<String> only) {
    this.repo = repo;
    this.includes = includes;
    this.only = only;
  }

  void collect(BlobId root, Path target) {
    ahead = repo.readTreesUnder(root, (path, id) -> wanted(path), Long.MAX_VALUE); // its entries are kept anyway
    try {
      walk(ahead.get(root, repo), "", target);
    } finally {
      ahead = null;
    }
  }

  private void walk(Tree tree, String at, Path dest) {
    for (Node n : tree.nodes()) {
      String path = at + "/" + n.name();
      if (!wanted(path) || (n.type() != Node.Type.DIR && !only.test(path))) {
        continue;
      }
      Entry e = new Entry(path, dest.resolve(n.name()), n);
      switch (n.type()) {
        case DIR -> {
          if (n.subtree() == null) {
            dirs.add(e);
          } else {
            Tree subtree = subtree(n, path);
            if (subtree != null) {
              dirs.add(e);
              walk(subtree, path, e.destination());
            }
          }
        }
        case FILE -> files.add(e);
        default -> others.add(e);
      }
    }
  }

  /** The folder's tree, or null (and the folder noted as unrestorable) if it is damaged or missing. */
  private Tree subtree(Node dir, String path) {
    try {
      return ahead.get(BlobId.parse(dir.subtree()), repo);
    } catch (RepositoryException.Damaged e) {
      unreadable.add(new RestoreResult.Failure(path, "not restored, nor anything in it: " + e.getMessage()));
      return null;
    }
  }

  /** Whether {@code path} is selected, under a selected path, or a folder on the way to one. */
  private boolean wanted(String path) {
    if (includes.isEmpty()) {
      return true;
    }
    for (String inc : includes) {
      if (path.equals(inc) || path.startsWith(inc + "/") || inc.startsWith(path + "/")) {
        return true;
      }
    }
    return false;
  }

  long bytes() {
    return files.stream().mapToLong(e -> e.node().size()).sum();
  }
}
