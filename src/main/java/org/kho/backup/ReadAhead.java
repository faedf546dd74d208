package org.kho.backup;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks the kernel to read files into the page cache before a worker reads them
 * ({@code posix_fadvise(POSIX_FADV_WILLNEED)}, on a thread of its own), so the disk has many reads
 * in flight while the workers are busy hashing and compressing. A cold virtual disk reads small
 * files three times faster with many requests at once than one after another, and a worker that
 * reads one small file at a time waits on each.
 *
 * <p>At most {@value #WINDOW_MIB} MiB are hinted and not yet read by a worker, and of each file at
 * most its first {@value #PER_FILE_MIB} MiB (past that the kernel's own read-ahead follows the
 * worker's sequential reads), so a large backup never pushes out of the cache what it has yet to
 * read. Best effort: where {@code posix_fadvise} cannot be called (not Linux on x86-64 or ARM64, no
 * native access) or a file cannot be opened, nothing happens and the worker reads as it would have.
 */
final class ReadAhead implements AutoCloseable {
  static final int WINDOW_MIB = 96;
  static final int PER_FILE_MIB = 4;
  private static final int KIB = 1024;
  private final LinkedBlockingQueue<File> queue = new LinkedBlockingQueue<>();
  /** KiB that may still be hinted ahead of the workers. */
  private final Semaphore window = new Semaphore(WINDOW_MIB * KIB);
  private final Thread thread;
  /** Set by the thread when the functions cannot be had: it gives no hints then. */
  private volatile boolean unavailable;

  private ReadAhead(boolean run) {
    thread = run ? Thread.ofPlatform().daemon().name("kho-read-ahead").start(this::run) : null;
  }

  /**
   * A read-ahead that hints files where the platform allows it, and does nothing elsewhere. The
   * native functions are bound on its own thread (binding them takes some 30 ms of CPU, which the
   * backup's main thread, busy listing folders, need not wait for).
   */
  static ReadAhead start() {
    return new ReadAhead(Native.platform());
  }

  /** A file a worker will read from its start; {@link File#read} once the worker has read it. */
  File ahead(Path path, long size) {
    File f = new File(path, (int) Math.min(Math.ceilDiv(size, KIB), PER_FILE_MIB * KIB));
    if (hints() && f.kib > 0) {
      queue.add(f);
    }
    return f;
  }

  /** KiB of the window not taken by files hinted and not yet read. */
  int freeKib() {
    return window.availablePermits();
  }

  /** Whether this read-ahead gives hints at all (else every method does nothing). */
  boolean hints() {
    return thread != null && !unavailable;
  }

  /** A file hinted (or to be) to the kernel. */
  final class File {
    private static final int QUEUED = 0;
    private static final int HINTED = 1;
    private static final int READ = 2;
    private final Path path;
    private final int kib;
    private final AtomicInteger state = new AtomicInteger(QUEUED);

    private File(Path path, int kib) {
      this.path = path;
      this.kib = kib;
    }

    /** The worker has read the file (or given up on it): its share of the window is free again. */
    void read() {
      if (state.getAndSet(READ) == HINTED) {
        window.release(kib);
      }
    }
  }

  private void run() {
    Native hinter = Native.LOADED;
    if (hinter == null) {
      unavailable = true;
      queue.clear();
      return;
    }
    try {
      while (true) {
        File f = queue.take();
        if (f.state.get() != File.QUEUED) {
          continue; // already read: the worker was faster
        }
        window.acquire(f.kib);
        if (f.state.compareAndSet(File.QUEUED, File.HINTED)) {
          hinter.willNeed(f.path, (long) f.kib * KIB);
        } else {
          window.release(f.kib);
        }
      }
    } catch (InterruptedException e) {
      // closed
    }
  }

  @Override
  public void close() {
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** {@code open}, {@code posix_fadvise} and {@code close} from the C library. */
  private record Native(MethodHandle open, MethodHandle fadvise, MethodHandle close) {
    /**
     * {@code O_RDONLY (0) | O_NONBLOCK | O_CLOEXEC} on Linux for x86-64 and ARM64 (other
     * architectures number some flags differently): a file replaced by a named pipe since it was
     * listed must not block the thread.
     */
    private static final int OPEN_FLAGS = 04000 | 02000000;
    private static final int POSIX_FADV_WILLNEED = 3;
    /** The functions, or null where they are not to be had; bound when first asked for. */
    static final Native LOADED = platform() ? load() : null;

    /** Linux on x86-64 or ARM64, the platforms whose flags {@link #OPEN_FLAGS} spells. */
    static boolean platform() {
      String arch = System.getProperty("os.arch", "");
      return System.getProperty("os.name", "").startsWith("Linux") && (arch.equals("amd64") || arch.equals("aarch64"));
    }

    private static Native load() {
      try {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        MethodHandle open = linker.downcallHandle(libc.find("open").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
            Linker.Option.firstVariadicArg(2));
        MethodHandle fadvise = linker.downcallHandle(libc.find("posix_fadvise").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
        MethodHandle close = linker.downcallHandle(libc.find("close").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        return new Native(open, fadvise, close);
      } catch (RuntimeException | LinkageError e) {
        return null; // no native access granted, or no such function: read without hints
      }
    }

    /** Asks the kernel to read the first {@code bytes} of {@code path}; ignores every failure. */
    void willNeed(Path path, long bytes) {
      try (Arena arena = Arena.ofConfined()) {
        int fd = (int) open.invokeExact(arena.allocateFrom(path.toString()), OPEN_FLAGS, 0);
        if (fd >= 0) {
          int ignored = (int) fadvise.invokeExact(fd, 0L, bytes, POSIX_FADV_WILLNEED);
          ignored = (int) close.invokeExact(fd);
        }
      } catch (Throwable e) {
        // a hint only: the worker reads the file anyway and reports what goes wrong
      }
    }
  }
}
