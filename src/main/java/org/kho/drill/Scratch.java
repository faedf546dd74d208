package org.kho.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.kho.core.KhoException;

/**
 * The folder a drill restores into. It must never be, contain or lie inside a source or a
 * target (a drill must not overwrite live data, nor delete it when it cleans up), and it must be
 * empty and Kho's own. A missing folder is created (mode 0700) and removed afterwards; an existing
 * one is emptied afterwards and kept.
 */
public final class Scratch implements AutoCloseable {
  private final Path dir;
  private final boolean created;

  private Scratch(Path dir, boolean created) {
    this.dir = dir;
    this.created = created;
  }

  /**
   * Checks {@code dir} against {@code protectedPaths} (sources, targets, the config directory)
   * and makes it ready; throws {@link ScratchRefusedException} naming every reason it may not be used.
   */
  public static Scratch prepare(Path dir, Collection<Path> protectedPaths) {
    List<String> reasons = refusals(dir, protectedPaths);
    if (!reasons.isEmpty()) {
      throw new ScratchRefusedException(dir, reasons);
    }
    try {
      if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        return new Scratch(dir, false);
      }
      Files.createDirectories(dir.getParent());
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      return new Scratch(dir, true);
    } catch (IOException e) {
      throw new KhoException("cannot create the drill's scratch folder " + dir + ": " + e.getMessage(),
          "check the path in the drill plan and that Kho may write there");
    }
  }

  /** Every reason {@code dir} may not be a scratch folder; empty when it may. */
  static List<String> refusals(Path dir, Collection<Path> protectedPaths) {
    List<String> reasons = new ArrayList<>();
    if (!dir.isAbsolute()) {
      reasons.add("it is not a full path");
      return reasons;
    }
    Path real = real(dir);
    for (Path p : protectedPaths) {
      Path other = real(p.toAbsolutePath().normalize());
      if (real.equals(other)) {
        reasons.add("it is " + p);
      } else if (other.startsWith(real)) {
        reasons.add("it contains " + p);
      } else if (real.startsWith(other)) {
        reasons.add("it is inside " + p);
      }
    }
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      reasons.addAll(existing(dir));
    }
    return reasons;
  }

  private static List<String> existing(Path dir) {
    List<String> reasons = new ArrayList<>();
    if (Files.isSymbolicLink(dir)) {
      reasons.add("it is a symbolic link");
    } else if (!Files.isDirectory(dir)) {
      reasons.add("it is not a folder");
      return reasons;
    }
    try {
      String owner = Files.getOwner(dir).getName();
      if (!owner.equals(System.getProperty("user.name"))) {
        reasons.add("it belongs to " + owner + ", not to the user Kho runs as (" + System.getProperty("user.name") + ")");
      }
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          reasons.add("it is not empty (a drill empties it afterwards, so it must hold nothing else)");
        }
      }
    } catch (IOException e) {
      reasons.add("it cannot be read (" + e.getMessage() + ")");
    }
    return reasons;
  }

  /** The real path of {@code p}: its deepest existing ancestor resolved (links followed), then the rest. */
  private static Path real(Path p) {
    Path existing = p;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return p;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(p)).normalize();
    } catch (IOException e) {
      return p;
    }
  }

  public Path dir() {
    return dir;
  }

  /** Empties the folder (and removes it if this drill created it); says what could not be removed. */
  @Override
  public void close() {
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
          if (!Files.isWritable(d)) {
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx------")); // a restored read-only folder
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
          Files.delete(f);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          if (e != null) {
            throw e;
          }
          if (created || !d.equals(dir)) {
            Files.delete(d);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("the drill's scratch folder " + dir + " could not be emptied; remove what is left by hand", e);
    }
  }
}
