package org.kho.repository;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Trees read together ({@link Repository#readTrees}): each verified tree by id, and for each tree
 * that cannot be read, why (missing from the index, its pack missing, its bytes damaged).
 */
public record Trees(Map<BlobId, Tree> read, Map<BlobId, RepositoryException.Damaged> damaged) {
  private static final Tree EMPTY = new Tree(List.of());

  public Trees {
    read = Map.copyOf(read);
    damaged = Map.copyOf(damaged);
  }

  /**
   * The tree {@code id}: read ahead here, or read now from {@code repo} if it was not; throws
   * {@link RepositoryException.Damaged} when it cannot be read.
   */
  public Tree get(BlobId id, Repository repo) {
    Tree t = read.get(id);
    if (t != null) {
      return t;
    }
    RepositoryException.Damaged why = damaged.get(id);
    if (why != null) {
      throw why;
    }
    return repo.readTree(id);
  }

  /**
   * The trees under {@code root}, read a level of folders at a time, each level in one read per
   * tree pack: reading them folder by folder cost a round trip per folder on a remote target. A
   * folder's tree is read only where {@code descend} accepts the folder's path ("/a/b") and tree
   * id; a tree that several folders share is read once. No further level is read once the trees
   * read hold {@code maxNodes} entries: {@link #get} reads the rest one by one, so memory stays
   * bounded for a caller that does not keep the entries anyway.
   */
  static Trees under(Repository repo, BlobId root, BiPredicate<String, BlobId> descend, long maxNodes) {
    Map<BlobId, Tree> read = new HashMap<>();
    Map<BlobId, RepositoryException.Damaged> damaged = new HashMap<>();
    Map<BlobId, String> level = Map.of(root, "");
    long nodes = 0;
    while (!level.isEmpty() && nodes < maxNodes) {
      Trees got = repo.readTrees(level.keySet());
      read.putAll(got.read());
      damaged.putAll(got.damaged());
      Map<BlobId, String> next = new LinkedHashMap<>();
      for (Map.Entry<BlobId, String> e : level.entrySet()) {
        List<Node> entries = got.read().getOrDefault(e.getKey(), EMPTY).nodes();
        nodes += entries.size();
        for (Node n : entries) {
          String path = e.getValue() + "/" + n.name();
          if (n.type() != Node.Type.DIR || n.subtree() == null) {
            continue;
          }
          BlobId sub = BlobId.parse(n.subtree());
          if (!read.containsKey(sub) && !damaged.containsKey(sub) && descend.test(path, sub)) {
            next.putIfAbsent(sub, path);
          }
        }
      }
      level = next;
    }
    return new Trees(read, damaged);
  }
}
