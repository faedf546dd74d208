package org.kho.restore;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Sets a file's owner and group by number, without following a symbolic link: one {@code lchown}
 * call through the C library where it can be linked (the JDK's {@code unix:uid} and
 * {@code unix:gid} attributes make two calls, each with its own attribute lookup: 47,000 calls
 * for a restore of 23,000 files); the JDK's attributes otherwise.
 */
final class Owner {
  private static final MethodHandle LCHOWN = lchown();
  private static final java.nio.charset.Charset NAMES = names();

  private Owner() {}

  static void set(Path p, int uid, int gid) throws IOException {
    if (LCHOWN == null || !lchown(p, uid, gid)) { // a failure is told by the JDK, with its reason
      Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }
  }

  /** Whether {@code lchown} succeeded; the path is encoded as the JDK encodes file names. */
  private static boolean lchown(Path p, int uid, int gid) {
    try (Arena arena = Arena.ofConfined()) {
      return (int) LCHOWN.invokeExact(arena.allocateFrom(p.toString(), NAMES), uid, gid) == 0;
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code int lchown(const char *path, uid_t owner, gid_t group)}, or null where it cannot be linked. */
  private static MethodHandle lchown() {
    try {
      Linker linker = Linker.nativeLinker();
      return linker.defaultLookup().find("lchown").map(f -> linker.downcallHandle(f,
          FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)))
          .orElse(null);
    } catch (RuntimeException | LinkageError e) {
      return null; // no native access: the JDK's attributes
    }
  }

  private static java.nio.charset.Charset names() {
    try {
      return java.nio.charset.Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    } catch (IllegalArgumentException e) {
      return java.nio.charset.StandardCharsets.UTF_8;
    }
  }
}
