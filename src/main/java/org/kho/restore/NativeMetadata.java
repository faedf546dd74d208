package org.kho.restore;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.time.Instant;
import org.kho.core.NativePaths;
import org.kho.repository.Node;

/**
 * Owner, mode and times of a restored entry by path, through the C library on Linux x86-64:
 * {@code lchown}, {@code chmod} and {@code utimensat}, the path encoded once for all three. The
 * JDK's own way costs more: {@code unix:uid} and {@code unix:gid} are two calls, each with its
 * attribute lookup, and {@code setTimes} opens the file to set its times through the descriptor, an
 * open and a close more for each of the 23,000 files of a restore of dataset-1024, and it sets
 * 1970-01-01 for a time before 1970 with a fraction of a second (JDK 25). A call that
 * fails makes {@link #apply} return false, and {@link Metadata} then does it all again through the
 * JDK, which throws the exception that names the failure. Thread-safe.
 */
final class NativeMetadata {
  private static final int AT_FDCWD = -100;
  private static final int AT_SYMLINK_NOFOLLOW = 0x100;
  /** Two {@code struct timespec}: access time, then modification time. */
  private static final int TIMES_BYTES = 32;
  private static final NativeMetadata INSTANCE = load();

  private final MethodHandle lchown;
  private final MethodHandle chmod;
  private final MethodHandle utimensat;

  private NativeMetadata(MethodHandle lchown, MethodHandle chmod, MethodHandle utimensat) {
    this.lchown = lchown;
    this.chmod = chmod;
    this.utimensat = utimensat;
  }

  /** The native calls, or null where they cannot be made (then the JDK's API is used). */
  static NativeMetadata get() {
    return INSTANCE;
  }

  private static NativeMetadata load() {
    if (!System.getProperty("os.name", "").equals("Linux") || !System.getProperty("os.arch", "").equals("amd64")) {
      return null; // the flag values above and a 64-bit time_t are Linux x86-64's
    }
    try {
      Linker linker = Linker.nativeLinker();
      // not critical calls: on a network file system they wait on the server, and the collector
      // must be able to run meanwhile
      return new NativeMetadata(
          linker.downcallHandle(linker.defaultLookup().findOrThrow("lchown"),
              FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT)),
          linker.downcallHandle(linker.defaultLookup().findOrThrow("chmod"), FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT)),
          linker.downcallHandle(linker.defaultLookup().findOrThrow("utimensat"),
              FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT)));
    } catch (RuntimeException | LinkageError e) {
      return null; // no native access granted
    }
  }

  /**
   * Sets {@code n}'s owner and group (when {@code owner}), mode (not for a link) and modification
   * time (also as access time; a link's own, which a file system may refuse) on {@code p}; false
   * when the path has no native form or a call failed.
   */
  boolean apply(Path p, Node n, boolean owner) {
    byte[] path = NativePaths.cString(p.toString());
    if (path == null) {
      return false;
    }
    boolean link = n.type() == Node.Type.SYMLINK;
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment both = arena.allocate(TIMES_BYTES + path.length, 8); // the times, then the path
      MemorySegment c = both.asSlice(TIMES_BYTES);
      MemorySegment.copy(path, 0, both, JAVA_BYTE, TIMES_BYTES, path.length);
      if (owner && (int) lchown.invokeExact(c, n.uid(), n.gid()) != 0
          || !link && (int) chmod.invokeExact(c, n.mode() & 07777) != 0) {
        return false;
      }
      if (n.mtime() == null) {
        return true;
      }
      times(both, n.mtime());
      return (int) utimensat.invokeExact(AT_FDCWD, c, both.asSlice(0, TIMES_BYTES), link ? AT_SYMLINK_NOFOLLOW : 0) == 0
          || link;
    } catch (Throwable e) {
      return false;
    }
  }

  /** {@code t} as both {@code struct timespec}s at the start of {@code b}. */
  private static void times(MemorySegment b, Instant t) {
    for (int at = 0; at < TIMES_BYTES; at += 16) {
      b.set(JAVA_LONG, at, t.getEpochSecond());
      b.set(JAVA_LONG, at + 8, t.getNano());
    }
  }
}
