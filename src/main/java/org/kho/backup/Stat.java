package org.kho.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.Map;
import org.kho.repository.Node;

/** A file's metadata as Kho records it, read without following links (Unix attributes). */
record Stat(Node.Type type, int mode, int uid, int gid, String user, String group, Instant mtime, Instant ctime,
    long inode, long device, int links, long size) {

  private static final int S_IFMT = 0170000;
  private static final int S_IFDIR = 0040000;
  private static final int S_IFREG = 0100000;
  private static final int S_IFLNK = 0120000;
  private static final int S_IFIFO = 0010000;

  private static final String ATTRIBUTES = "unix:mode,ino,dev,nlink,uid,gid,ctime,size,lastModifiedTime";
  /** User and group names by number: the platform looks them up anew for every file otherwise. */
  private static final Map<Integer, String> USERS = new java.util.concurrent.ConcurrentHashMap<>();
  private static final Map<Integer, String> GROUPS = new java.util.concurrent.ConcurrentHashMap<>();

  static Stat of(Path p) throws IOException {
    return of(p, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * With {@code options} empty, the metadata of what a symbolic link leads to. Through {@link
   * NativeStat} where it can be called, else (and for every call that fails there, so that the
   * exception names the failure) through the JDK's attribute API.
   */
  static Stat of(Path p, LinkOption... options) throws IOException {
    boolean follow = options.length == 0;
    Stat raw = NATIVE == null ? null : NATIVE.stat(p, follow);
    if (raw == null) {
      raw = jdk(p, options);
    }
    return raw.user != null ? raw : raw.named(p, options);
  }

  private static final NativeStat NATIVE = NativeStat.get();

  /** By the JDK's attribute API; without user and group names (see {@link #named}). */
  static Stat jdk(Path p, LinkOption... options) throws IOException {
    Map<String, Object> a = Files.readAttributes(p, ATTRIBUTES, options);
    return fromRaw((Integer) a.get("mode"), (Integer) a.get("uid"), (Integer) a.get("gid"),
        ((FileTime) a.get("lastModifiedTime")).toInstant(), ((FileTime) a.get("ctime")).toInstant(),
        (Long) a.get("ino"), (Long) a.get("dev"), (Integer) a.get("nlink"), (Long) a.get("size"));
  }

  /** From the fields of {@code struct stat}: names not yet looked up unless both are known. */
  static Stat fromRaw(int rawMode, int uid, int gid, Instant mtime, Instant ctime, long inode, long device, int links,
      long size) {
    Node.Type type = switch (rawMode & S_IFMT) {
      case S_IFDIR -> Node.Type.DIR;
      case S_IFREG -> Node.Type.FILE;
      case S_IFLNK -> Node.Type.SYMLINK;
      case S_IFIFO -> Node.Type.FIFO;
      default -> Node.Type.OTHER;
    };
    String user = USERS.get(uid);
    String group = GROUPS.get(gid);
    return new Stat(type, rawMode & 07777, uid, gid, user == null || group == null ? null : user,
        user == null || group == null ? null : group, mtime, ctime, inode, device, links, size);
  }

  /** With the owner's user and group names, looked up once per number. */
  private Stat named(Path p, LinkOption... options) throws IOException {
    Map<String, Object> names = Files.readAttributes(p, "unix:owner,group", options);
    String u = ((UserPrincipal) names.get("owner")).getName();
    String g = ((GroupPrincipal) names.get("group")).getName();
    USERS.putIfAbsent(uid, u);
    GROUPS.putIfAbsent(gid, g);
    return new Stat(type, mode, uid, gid, u, g, mtime, ctime, inode, device, links, size);
  }

  /** The owner of this process (from {@code /proc/self}), for data that has no file of its own. */
  static Stat process() {
    try {
      return of(Path.of("/proc/self/stat"));
    } catch (IOException | UnsupportedOperationException e) {
      String user = System.getProperty("user.name");
      return new Stat(Node.Type.FILE, 0600, 0, 0, user, user, Instant.EPOCH, Instant.EPOCH, 0, 0, 1, 0);
    }
  }

  /** The same metadata with another size: for a part of a file stored as a file of its own. */
  Stat withSize(long newSize) {
    return new Stat(type, mode, uid, gid, user, group, mtime, ctime, inode, device, links, newSize);
  }

  Node node(String name) {
    return new Node(name, type, mode, uid, gid, user, group, mtime, ctime, inode, device, links,
        type == Node.Type.FILE ? size : 0, null, null, null);
  }

  /** Whether a file still looks as it did in {@code old}: same size, times and inode. */
  boolean sameAs(Node old) {
    return old != null && old.type() == Node.Type.FILE && old.size() == size && mtime.equals(old.mtime())
        && ctime.equals(old.ctime()) && old.inode() == inode && old.content() != null;
  }

  /** Whether the file changed between two looks at it while it was read. */
  boolean changedSince(Stat before) {
    return size != before.size || !mtime.equals(before.mtime) || !ctime.equals(before.ctime);
  }
}
