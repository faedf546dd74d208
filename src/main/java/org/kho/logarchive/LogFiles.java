package org.kho.logarchive;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files a log source's paths and globs name today. A path without glob characters names one
 * file; a glob ({@code *}, {@code ?}, {@code [..]}, {@code {a,b}}, {@code **} across folders) is
 * matched against full paths, walking from its last folder without glob characters. Exclude
 * patterns without a '/' match file names; with one, full paths. Only regular files count
 * (symbolic links are not followed); folders Kho may not read are passed over.
 */
final class LogFiles {
  private LogFiles() {}

  static List<Path> find(FileSystem fs, List<String> patterns, List<String> excludes) throws IOException {
    Set<Path> found = new TreeSet<>();
    for (String pattern : patterns) {
      found.addAll(expand(fs, pattern));
    }
    List<PathMatcher> out = excludes.stream().map(e -> fs.getPathMatcher("glob:" + e)).toList();
    List<Boolean> byName = excludes.stream().map(e -> !e.contains("/")).toList();
    return found.stream().filter(p -> {
      for (int i = 0; i < out.size(); i++) {
        if (out.get(i).matches(byName.get(i) ? p.getFileName() : p)) {
          return false;
        }
      }
      return true;
    }).toList();
  }

  private static Set<Path> expand(FileSystem fs, String pattern) throws IOException {
    Path path = fs.getPath(pattern);
    int firstGlob = -1;
    for (int i = 0; i < path.getNameCount(); i++) {
      if (hasGlob(path.getName(i).toString())) {
        firstGlob = i;
        break;
      }
    }
    Set<Path> out = new TreeSet<>();
    if (firstGlob < 0) {
      if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        out.add(path);
      }
      return out;
    }
    Path base = firstGlob == 0 ? path.getRoot() : path.getRoot().resolve(path.subpath(0, firstGlob));
    if (!Files.isDirectory(base)) {
      return out;
    }
    int depth = pattern.contains("**") ? Integer.MAX_VALUE : path.getNameCount() - firstGlob;
    PathMatcher matcher = fs.getPathMatcher("glob:" + pattern);
    Files.walkFileTree(base, EnumSet.noneOf(FileVisitOption.class), depth, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && matcher.matches(file)) {
          out.add(file);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE; // a folder Kho may not read holds nothing it can archive
      }
    });
    return out;
  }

  static boolean hasGlob(String s) {
    return s.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }
}
