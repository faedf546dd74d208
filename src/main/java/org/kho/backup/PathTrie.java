package org.kho.backup;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The source paths as a tree of names, so that sources sharing folders share their nodes. */
final class PathTrie {
  private final Map<String, PathTrie> children = new TreeMap<>();
  private boolean source;

  void add(Path absolute) {
    PathTrie at = this;
    for (Path name : absolute) {
      at = at.children.computeIfAbsent(name.toString(), k -> new PathTrie());
    }
    at.source = true;
  }

  Map<String, PathTrie> children() {
    return children;
  }

  /** Whether this path was given as a source (then everything under it is taken). */
  boolean isSource() {
    return source;
  }
}
