package org.kho.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ReadAheadTest {
  private static final int MIB = 1 << 20;
  private static final int FULL_WINDOW_KIB = ReadAhead.WINDOW_MIB * 1024;

  @TempDir
  Path tmp;

  @Test
  void hintsFilesOnLinuxForX8664AndArm64() {
    try (ReadAhead ahead = ReadAhead.start()) {
      String arch = System.getProperty("os.arch");
      assertThat(ahead.hints()).isEqualTo(System.getProperty("os.name").startsWith("Linux")
          && (arch.equals("amd64") || arch.equals("aarch64")));
    }
  }

  @Test
  void everyFileReadGivesItsShareOfTheWindowBack() throws Exception {
    try (ReadAhead ahead = ReadAhead.start()) {
      List<ReadAhead.File> files = new ArrayList<>();
      // more than the window holds: the hints stop at the window until the workers read
      for (int i = 0; i < 2 * ReadAhead.WINDOW_MIB / ReadAhead.PER_FILE_MIB; i++) {
        files.add(ahead.ahead(sparse("f" + i, 16L * MIB), 16L * MIB));
      }
      awaitWindow(ahead, 0);
      files.forEach(ReadAhead.File::read);
      awaitWindow(ahead, FULL_WINDOW_KIB);
      assertThat(ahead.freeKib()).isEqualTo(FULL_WINDOW_KIB);
    }
  }

  @Test
  void aFileThatCannotBeOpenedIsLeftToTheWorker() throws Exception {
    try (ReadAhead ahead = ReadAhead.start()) {
      Path gone = tmp.resolve("gone");
      Path folder = Files.createDirectory(tmp.resolve("a folder ✓"));
      ReadAhead.File missing = ahead.ahead(gone, 5 * MIB);
      ReadAhead.File dir = ahead.ahead(folder, 4096);
      ReadAhead.File empty = ahead.ahead(Files.createFile(tmp.resolve("empty")), 0);
      assertThatCode(() -> {
        missing.read();
        dir.read();
        empty.read();
        missing.read(); // twice: a worker that gives up, then a finally
      }).doesNotThrowAnyException();
      awaitWindow(ahead, FULL_WINDOW_KIB);
      assertThat(ahead.freeKib()).isEqualTo(FULL_WINDOW_KIB);
    }
  }

  @Test
  @Timeout(60) // a hint blocked in open() would hang here, not fail
  void aNamedPipeInPlaceOfAFileDoesNotStopTheHints() throws Exception {
    try (ReadAhead ahead = ReadAhead.start()) {
      Path pipe = tmp.resolve("pipe");
      assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
      ReadAhead.File first = ahead.ahead(pipe, 4096);
      ReadAhead.File second = ahead.ahead(sparse("after", 4L * MIB), 4L * MIB);
      awaitWindow(ahead, FULL_WINDOW_KIB - 4 - 4096);
      first.read();
      second.read();
      awaitWindow(ahead, FULL_WINDOW_KIB);
      assertThat(ahead.freeKib()).isEqualTo(FULL_WINDOW_KIB);
    }
  }

  private Path sparse(String name, long size) throws IOException {
    Path p = tmp.resolve(name);
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.setLength(size);
    }
    return p;
  }

  /** Waits until the window has {@code kib} free (where hints are given; else it is always full). */
  private static void awaitWindow(ReadAhead ahead, int kib) throws InterruptedException {
    int expected = ahead.hints() ? kib : FULL_WINDOW_KIB;
    while (ahead.freeKib() != expected) {
      Thread.sleep(5);
    }
  }
}
