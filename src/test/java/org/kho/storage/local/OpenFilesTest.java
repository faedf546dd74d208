package org.kho.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenFilesTest {
  @TempDir
  Path dir;

  private List<Path> files(int count, int size) throws IOException {
    List<Path> out = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < count; i++) {
      byte[] data = new byte[size];
      random.nextBytes(data);
      out.add(Files.write(dir.resolve("f" + i), data));
    }
    return out;
  }

  @Test
  void readsTheRangeAskedForAndStopsAtTheEndOfTheFile() throws IOException {
    Path f = files(1, 1000).getFirst();
    byte[] all = Files.readAllBytes(f);
    try (OpenFiles open = new OpenFiles(2)) {
      assertThat(open.read(f, 100, 50)).isEqualTo(Arrays.copyOfRange(all, 100, 150));
      assertThat(open.read(f, 990, 50)).isEqualTo(Arrays.copyOfRange(all, 990, 1000));
      assertThat(open.read(f, 2000, 5)).isEmpty();
    }
  }

  @Test
  void manyThreadsReadingMoreFilesThanItKeepsAllGetTheirBytes() throws Exception {
    List<Path> files = files(12, 64 * 1024);
    List<byte[]> contents = new ArrayList<>();
    for (Path f : files) {
      contents.add(Files.readAllBytes(f));
    }
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try (OpenFiles open = new OpenFiles(3)) {
      List<Future<Boolean>> checks = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        int seed = t;
        checks.add(pool.submit(() -> {
          Random r = new Random(seed);
          for (int i = 0; i < 2000; i++) {
            int which = r.nextInt(files.size());
            int at = r.nextInt(60 * 1024);
            byte[] got = open.read(files.get(which), at, 4096);
            if (!Arrays.equals(got, Arrays.copyOfRange(contents.get(which), at, at + 4096))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> c : checks) {
        assertThat(c.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aForgottenFileIsNoLongerHeldOpen() throws IOException {
    Path f = files(1, 100).getFirst();
    try (OpenFiles open = new OpenFiles(4)) {
      open.read(f, 0, 10);
      open.forget(f);
      Files.delete(f);
      assertThat(openDescriptorsOf(f)).isZero();
    }
  }

  @Test
  void closeReleasesEveryFileAndReadsStillWorkAfterwards() throws IOException {
    List<Path> files = files(3, 100);
    OpenFiles open = new OpenFiles(4);
    for (Path f : files) {
      open.read(f, 0, 10);
    }
    assertThat(openDescriptorsOf(files.getFirst())).isEqualTo(1);
    open.close();
    assertThat(openDescriptorsOf(files.getFirst())).isZero();
    assertThat(open.read(files.getFirst(), 0, 100)).isEqualTo(Files.readAllBytes(files.getFirst()));
    open.close();
  }

  /** How many of this process's descriptors point at {@code file} (Linux: /proc/self/fd). */
  private static long openDescriptorsOf(Path file) throws IOException {
    String wanted = file.toAbsolutePath().toString();
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(fd -> {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          return target.equals(wanted) || target.equals(wanted + " (deleted)");
        } catch (IOException e) {
          return false;
        }
      }).count();
    }
  }
}
