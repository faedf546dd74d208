package org.kho.backup;

import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Which files under a source are taken. A pattern without '/' matches a file or folder name
 * anywhere; one with '/' matches the path relative to the source (so a leading '/', as in
 * {@code /build}, anchors a name to the source's top). An excluded folder is not
 * entered; includes, when given, select files (folders are always entered).
 */
final class PathFilter {
  private final List<Rule> excludes;
  private final List<Rule> includes;

  private record Rule(PathMatcher matcher, boolean byName) {}

  PathFilter(FileSystem fs, List<String> excludes, List<String> includes) {
    this.excludes = excludes.stream().map(p -> rule(fs, p)).toList();
    this.includes = includes.stream().map(p -> rule(fs, p)).toList();
  }

  private static Rule rule(FileSystem fs, String pattern) {
    String p = pattern.startsWith("/") ? pattern.substring(1) : pattern;
    return new Rule(fs.getPathMatcher("glob:" + p), !pattern.contains("/"));
  }

  /** Whether {@code path}, under the source {@code root}, is left out. */
  boolean excluded(Path root, Path path) {
    return !excludes.isEmpty() && matchesAny(excludes, root, path);
  }

  /** Whether the file {@code path}, under the source {@code root}, is taken. */
  boolean selectedFile(Path root, Path path) {
    return includes.isEmpty() || matchesAny(includes, root, path);
  }

  /**
   * Whether a rule matches: one by name against the last name of {@code path}, one by path against
   * {@code path} relative to {@code root} (computed only when such a rule asks for it: in a large
   * walk without rules, {@code relativize} cost more than the rest of the filter).
   */
  private static boolean matchesAny(List<Rule> rules, Path root, Path path) {
    Path name = path.getFileName();
    Path relative = null;
    for (Rule r : rules) {
      boolean byName = r.byName() && name != null;
      if (!byName && relative == null) {
        relative = root.relativize(path);
      }
      if (r.matcher().matches(byName ? name : relative)) {
        return true;
      }
    }
    return false;
  }
}
