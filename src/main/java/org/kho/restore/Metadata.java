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
 * modification time. Links keep their own times where the platform allows. Three or four system
 * calls a file, all by path: owner and group in one ({@link Owner}), mode, times. Snapshots hold no
 * access time: it becomes the modification time too, and setting both saves reading the old ones
 * back, a system call per file.
 */
final class Metadata {
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  private Metadata() {}

  static void apply(Path p, Node n) throws IOException {
    boolean link = n.type() == Node.Type.SYMLINK;
    if (ROOT) {
      Owner.set(p, n.uid(), n.gid());
    }
    if (!link) {
      Files.setAttribute(p, "unix:mode", n.mode());
    }
    if (n.mtime() != null) {
      try {
        FileTime mtime = FileTime.from(n.mtime());
        // a link's own times; other entries by path (not opening them first, as NOFOLLOW_LINKS does)
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
