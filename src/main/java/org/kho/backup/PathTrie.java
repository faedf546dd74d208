package org.kho.backup;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The source paths as a tree of names, so that sources sharing folders share their nodes. */
final class PathTrie {
  private final Map<String, PathTrie> children = new TreeMap<>();
  private PathFilter filter;

  void add(Path absolute, PathFilter sourceFilter) {
    PathTrie at = this;
    for (Path name : absolute) {
      at = at.children.computeIfAbsent(name.toString(), k -> new PathTrie());
    }
    at.filter = sourceFilter;
  }

  Map<String, PathTrie> children() {
    return children;
  }

  /** The filter of the source given at this path, or null if it is only a folder on the way to one. */
  PathFilter filter() {
    return filter;
  }
}
