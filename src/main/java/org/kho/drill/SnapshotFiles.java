package org.kho.drill;

import java.util.ArrayList;
import java.util.List;
import org.kho.repository.BlobId;
import org.kho.repository.Node;
import org.kho.repository.Repository;
import org.kho.repository.RepositoryException;
import org.kho.repository.Tree;

/** Every file a snapshot records, with its path in the snapshot; folders whose tree cannot be read are listed apart. */
final class SnapshotFiles {
  /** A file of the snapshot and its record. */
  record Entry(String path, Node node) {}

  final List<Entry> files = new ArrayList<>();
  /** {@code "<folder>: <why>"} for each folder whose tree could not be read (nothing under it is counted). */
  final List<String> unreadable = new ArrayList<>();

  private SnapshotFiles() {}

  /** Walks the tree {@code root}; a damaged root tree throws {@link RepositoryException.Damaged}. */
  static SnapshotFiles of(Repository repo, String root) {
    SnapshotFiles all = new SnapshotFiles();
    all.walk(repo, repo.readTree(BlobId.parse(root)), "");
    return all;
  }

  private void walk(Repository repo, Tree tree, String at) {
    for (Node n : tree.nodes()) {
      String path = at + "/" + n.name();
      if (n.type() == Node.Type.FILE) {
        files.add(new Entry(path, n));
      } else if (n.type() == Node.Type.DIR && n.subtree() != null) {
        try {
          walk(repo, repo.readTree(BlobId.parse(n.subtree())), path);
        } catch (RepositoryException.Damaged e) {
          unreadable.add(path + ": its folder listing is damaged, nothing in it can be restored (" + e.getMessage() + ")");
        }
      }
    }
  }

  long bytes() {
    return files.stream().mapToLong(e -> e.node().size()).sum();
  }
}
