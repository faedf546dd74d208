package org.kho.repository;

import java.util.Comparator;
import java.util.List;

/** A directory's entries, sorted by name, stored as one TREE blob (deterministic JSON). */
public record Tree(List<Node> nodes) {
  private static final Comparator<Node> BY_NAME = Comparator.comparing(Node::name);

  public Tree {
    nodes = sorted(nodes) ? List.copyOf(nodes) : nodes.stream().sorted(BY_NAME).toList();
  }

  /** Whether {@code nodes} are in order already, as stored trees and folder listings mostly are. */
  private static boolean sorted(List<Node> nodes) {
    for (int i = 1; i < nodes.size(); i++) {
      if (BY_NAME.compare(nodes.get(i - 1), nodes.get(i)) > 0) {
        return false;
      }
    }
    return true;
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
