package org.kho.catalogue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of one YAML file stands, by JSON pointer ({@code /items/2/schedule}), so
 * that problems found after binding can still name the line and column.
 */
final class SourceMap {
  /** A 1-based line and column; line 0 means "the file as a whole". */
  record Position(int line, int column) {
    static final Position WHOLE_FILE = new Position(0, 0);
  }

  private final Path file;
  private final Map<String, Position> keys = new HashMap<>();
  private final Map<String, Position> values = new HashMap<>();
  private final java.util.Set<String> nulls = new java.util.HashSet<>();

  SourceMap(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  void key(String pointer, Position at) {
    keys.putIfAbsent(pointer, at);
  }

  void value(String pointer, Position at) {
    values.put(pointer, at);
  }

  void nullValue(String pointer) {
    nulls.add(pointer);
  }

  /** Whether the value at {@code pointer} is written as empty ({@code key:} or {@code ~}). */
  boolean isNull(String pointer) {
    return nulls.contains(pointer);
  }

  /** Whether the file has a value at {@code pointer}. */
  boolean has(String pointer) {
    return values.containsKey(pointer);
  }

  /** The value at {@code pointer}, else its key, else the nearest enclosing value. */
  Position at(String pointer) {
    for (String p = pointer; ; p = parent(p)) {
      Position found = values.getOrDefault(p, keys.get(p));
      if (found != null) {
        return found;
      }
      if (p.isEmpty()) {
        return Position.WHOLE_FILE;
      }
    }
  }

  /** The key of {@code pointer} (for "unknown key" problems), else {@link #at}. */
  Position keyAt(String pointer) {
    Position key = keys.get(pointer);
    return key != null ? key : at(pointer);
  }

  private static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }
}
