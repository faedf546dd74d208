package org.kho.repository;

import java.util.Comparator;
import java.util.List;

/** A directory's entries, sorted by name, stored as one TREE blob (deterministic JSON). */
public record Tree(List<Node> nodes) {
  public Tree {
    nodes = nodes.stream().sorted(Comparator.comparing(Node::name)).toList();
  }

  /** The entry called {@code name}, or null. */
  public Node find(String name) {
    int lo = 0;
    int hi = nodes.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = nodes.get(mid).name().compareTo(name);
      if (c == 0) {
        return nodes.get(mid);
      } else if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return null;
  }
}
