package org.kho.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import org.kho.repository.Node;

/**
 * Puts a node's metadata back: mode bits, owner and group (only as root, by number), and the
 * modification time. Links keep their own times where the platform allows. Three system calls a
 * file, all by path, through the C library ({@link NativeMetadata}); through the JDK where that
 * cannot be used or a call failed, so that the failure is told with its reason. Snapshots hold no
 * access time: it becomes the modification time too, and setting both saves reading the old ones
 * back, a system call per file.
 */
final class Metadata {
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
  private static final NativeMetadata NATIVE = NativeMetadata.get();

  private Metadata() {}

  static void apply(Path p, Node n) throws IOException {
    apply(p, n, true);
  }

  /** {@code allowNative} false goes through the JDK alone: for tests comparing the two. */
  static void apply(Path p, Node n, boolean allowNative) throws IOException {
    if (!allowNative || NATIVE == null || !NATIVE.apply(p, n, ROOT)) {
      throughJdk(p, n);
    }
  }

  private static void throughJdk(Path p, Node n) throws IOException {
    boolean link = n.type() == Node.Type.SYMLINK;
    if (ROOT) {
      Files.setAttribute(p, "unix:uid", n.uid(), LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(p, "unix:gid", n.gid(), LinkOption.NOFOLLOW_LINKS);
    }
    if (!link) {
      Files.setAttribute(p, "unix:mode", n.mode());
    }
    if (n.mtime() != null) {
      try {
        FileTime mtime = FileTime.from(n.mtime());
        // a link's own times; for other entries this JDK opens them and sets the times through the descriptor
        (link ? Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
            : Files.getFileAttributeView(p, BasicFileAttributeView.class)).setTimes(mtime, mtime, null);
      } catch (IOException e) {
        if (!link) {
          throw e;
        }
      }
    }
  }
}
