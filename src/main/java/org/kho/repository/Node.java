package org.kho.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One entry of a directory tree: a file, directory, symbolic link or other special file, with the
 * metadata restore puts back and the facts an incremental backup compares.
 *
 * @param mode the Unix mode bits (permissions, setuid/setgid/sticky), without the file type
 * @param content a file's chunk ids in order (hex)
 * @param subtree a directory's tree blob id (hex)
 * @param linkTarget a symbolic link's target
 * @param links the hard-link count when the file was read; with inode and device it ties hard links together
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Node(String name, Type type, int mode, int uid, int gid, String user, String group,
    Instant mtime, Instant ctime, long inode, long device, int links, long size,
    List<String> content, String subtree, String linkTarget) {

  /** What kind of entry it is. */
  public enum Type { FILE, DIR, SYMLINK, FIFO, OTHER }

  /**
   * Reads a folder that builds before 2026-11-22 stored wrongly as the folder it is: one on the way
   * to a source, reached through a symbolic link, was written as a link with no target holding the
   * folder's tree.
   */
  public Node {
    if (type == Type.SYMLINK && linkTarget == null && subtree != null) {
      type = Type.DIR;
    }
  }

  public Node withContent(List<String> newContent) {
    return new Node(name, type, mode, uid, gid, user, group, mtime, ctime, inode, device, links, size, newContent,
        subtree, linkTarget);
  }

  public Node withSubtree(String tree) {
    return new Node(name, type, mode, uid, gid, user, group, mtime, ctime, inode, device, links, size, content,
        tree, linkTarget);
  }
}
