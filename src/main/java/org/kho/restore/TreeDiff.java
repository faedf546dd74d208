package org.kho.restore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kho.repository.Node;
import org.kho.repository.Repository;
import org.kho.restore.SnapshotBrowser.Change;
import org.kho.restore.SnapshotBrowser.Change.Kind;

/**
 * Compares two snapshot trees: merges both folders' sorted entries by name, descends only into
 * folders whose tree ids differ, and reads a whole subtree only where it was added or removed.
 * One instance per comparison.
 */
final class TreeDiff {
  private final Repository repo;
  private final List<Change> out = new ArrayList<>();

  TreeDiff(Repository repo) {
    this.repo = repo;
  }

  /** The changes from tree {@code older} to tree {@code newer} (ids in hex), in tree order. */
  List<Change> between(String older, String newer) {
    compare("", older, newer);
    return List.copyOf(out);
  }

  private void compare(String at, String older, String newer) {
    if (Objects.equals(older, newer)) {
      return;
    }
    List<Node> a = SnapshotBrowser.tree(repo, older).nodes();
    List<Node> b = SnapshotBrowser.tree(repo, newer).nodes();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      int c = i == a.size() ? 1 : j == b.size() ? -1 : a.get(i).name().compareTo(b.get(j).name());
      if (c < 0) {
        everything(Kind.REMOVED, at, a.get(i++));
      } else if (c > 0) {
        everything(Kind.ADDED, at, b.get(j++));
      } else {
        both(at, a.get(i++), b.get(j++));
      }
    }
  }

  /** An entry in both trees. */
  private void both(String at, Node older, Node newer) {
    if (older.type() != newer.type()) {
      everything(Kind.REMOVED, at, older);
      everything(Kind.ADDED, at, newer);
      return;
    }
    String path = at + "/" + newer.name();
    List<String> what = differences(older, newer);
    if (!what.isEmpty()) {
      boolean modified = what.contains("content") || what.contains("target");
      out.add(new Change(modified ? Kind.MODIFIED : Kind.METADATA, path, newer.type(), what));
    }
    if (newer.type() == Node.Type.DIR) {
      compare(path, older.subtree(), newer.subtree());
    }
  }

  /** An entry in one tree only, and everything below it. */
  private void everything(Kind kind, String at, Node n) {
    String path = at + "/" + n.name();
    out.add(new Change(kind, path, n.type(), List.of()));
    if (n.type() == Node.Type.DIR) {
      for (Node child : SnapshotBrowser.tree(repo, n.subtree()).nodes()) {
        everything(kind, path, child);
      }
    }
  }

  /** The attributes of an entry that differ between two snapshots (a folder's own, not its entries'). */
  private static List<String> differences(Node a, Node b) {
    List<String> what = new ArrayList<>();
    if (a.type() == Node.Type.FILE && (a.size() != b.size() || !Objects.equals(a.content(), b.content()))) {
      what.add("content");
    }
    if (!Objects.equals(a.linkTarget(), b.linkTarget())) {
      what.add("target");
    }
    if (a.mode() != b.mode()) {
      what.add("mode");
    }
    if (a.uid() != b.uid() || !Objects.equals(a.user(), b.user())) {
      what.add("owner");
    }
    if (a.gid() != b.gid() || !Objects.equals(a.group(), b.group())) {
      what.add("group");
    }
    if (!Objects.equals(a.mtime(), b.mtime())) {
      what.add("mtime");
    }
    return what;
  }
}
