package org.kho.backup;

import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Which files under a source are taken. A pattern without '/' matches a file or folder name
 * anywhere; one with '/' matches the path relative to the source. An excluded folder is not
 * entered; includes, when given, select files (folders are always entered).
 */
final class PathFilter {
  private final List<Rule> excludes;
  private final List<Rule> includes;

  private record Rule(PathMatcher matcher, boolean byName) {
    boolean matches(Path relative) {
      Path name = relative.getFileName();
      return matcher.matches(byName && name != null ? name : relative);
    }
  }

  PathFilter(FileSystem fs, List<String> excludes, List<String> includes) {
    this.excludes = excludes.stream().map(p -> rule(fs, p)).toList();
    this.includes = includes.stream().map(p -> rule(fs, p)).toList();
  }

  private static Rule rule(FileSystem fs, String pattern) {
    String p = pattern.startsWith("/") ? pattern.substring(1) : pattern;
    return new Rule(fs.getPathMatcher("glob:" + p), !p.contains("/"));
  }

  boolean excluded(Path relative) {
    return excludes.stream().anyMatch(r -> r.matches(relative));
  }

  boolean selectedFile(Path relative) {
    return includes.isEmpty() || includes.stream().anyMatch(r -> r.matches(relative));
  }
}
