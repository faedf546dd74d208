package org.kho.restore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kho.core.UsageException;
import org.kho.repository.BlobId;
import org.kho.repository.Node;
import org.kho.repository.Repository;
import org.kho.repository.SnapshotRef;
import org.kho.repository.Tree;

/**
 * Reads what snapshots hold without restoring them: lists their entries ({@code kho ls}) and
 * compares two of them ({@code kho diff}). Paths are absolute, as the snapshot records them
 * ({@code /home/docs/a.txt}). The caller opens the repository and loads its index first.
 */
public final class SnapshotBrowser {
  private final Repository repo;

  public SnapshotBrowser(Repository repo) {
    this.repo = repo;
  }

  /**
   * One listed entry.
   *
   * @param mode the Unix permission bits (with setuid, setgid and sticky), without the file type
   * @param size a file's length in bytes; 0 for other entries
   * @param linkTarget a symbolic link's target, null for other entries
   */
  public record Entry(String path, Node.Type type, int mode, long size, Instant mtime, String user, String group,
      String linkTarget) {
    static Entry of(String path, Node n) {
      return new Entry(path, n.type(), n.mode(), n.size(), n.mtime(), n.user(), n.group(), n.linkTarget());
    }
  }

  /**
   * One difference between two snapshots.
   *
   * @param type the entry's type in the newer snapshot (in the older one for a removed entry)
   * @param what the attributes that differ, for a modified or metadata-changed entry: {@code
   *     content}, {@code target} (a link's), {@code mode}, {@code owner}, {@code group}, {@code mtime}
   */
  public record Change(Kind kind, String path, Node.Type type, List<String> what) {
    public Change {
      what = List.copyOf(what);
    }

    /** How the entry changed. */
    public enum Kind {
      ADDED,
      REMOVED,
      /** A file's content or a link's target differs (its metadata may differ too). */
      MODIFIED,
      /** Only mode, owner, group or modification time differ. */
      METADATA
    }
  }

  /**
   * The entries of {@code snapshot} under {@code path}, parents before children, by name. With a
   * folder, its entries (and everything below them when {@code recursive}); with a file or link,
   * that entry; with an empty path or {@code /}, the whole snapshot from the top. Throws
   * {@link UsageException} when the snapshot has no such path.
   */
  public List<Entry> list(SnapshotRef snapshot, String path, boolean recursive) {
    String at = normalise(path);
    Node node = find(snapshot, at);
    List<Entry> out = new ArrayList<>();
    if (node.type() == Node.Type.DIR) {
      walk(node, at, recursive, out);
    } else {
      out.add(Entry.of(at, node));
    }
    return out;
  }

  /**
   * What changed from {@code older} to {@code newer}, in tree order. Walks both trees in step and
   * skips folders whose tree id is the same in both without reading them, so unchanged parts of a
   * large snapshot cost nothing. An entry whose type changed is reported removed, then added.
   */
  public List<Change> diff(SnapshotRef older, SnapshotRef newer) {
    return new TreeDiff(repo).between(older.snapshot().tree(), newer.snapshot().tree());
  }

  private void walk(Node dir, String at, boolean recursive, List<Entry> out) {
    for (Node n : tree(repo, dir.subtree()).nodes()) {
      String path = at + "/" + n.name();
      out.add(Entry.of(path, n));
      if (recursive && n.type() == Node.Type.DIR) {
        walk(n, path, true, out);
      }
    }
  }

  /** The node at {@code at} ("" for the top, as a folder without metadata). */
  private Node find(SnapshotRef snapshot, String at) {
    Node node = new Node("", Node.Type.DIR, 0, 0, 0, null, null, null, null, 0, 0, 0, 0, null,
        snapshot.snapshot().tree(), null);
    for (String name : at.isEmpty() ? new String[0] : at.substring(1).split("/")) {
      Node child = node.type() == Node.Type.DIR ? tree(repo, node.subtree()).find(name) : null;
      if (child == null) {
        throw new UsageException("snapshot " + snapshot.shortId() + " has no " + at,
            "'kho ls " + snapshot.shortId() + "' lists its paths");
      }
      node = child;
    }
    return node;
  }

  /** The tree with id {@code id}; an empty one for a folder stored without a tree (null). */
  static Tree tree(Repository repo, String id) {
    return id == null ? new Tree(List.of()) : repo.readTree(BlobId.parse(id));
  }

  /** {@code /a/b} from {@code a/b/}, {@code /a//b} and the like; "" for the top. */
  private static String normalise(String path) {
    StringBuilder out = new StringBuilder();
    for (String part : (path == null ? "" : path).split("/")) {
      if (!part.isEmpty() && !part.equals(".")) {
        out.append('/').append(part);
      }
    }
    return out.toString();
  }
}
