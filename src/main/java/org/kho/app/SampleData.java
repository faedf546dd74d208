package org.kho.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A small folder shaped like an agency file share, always the same bytes: documents, scans
 * (incompressible), a month of logs, a duplicate and a symbolic link. And a byte-for-byte compare.
 */
final class SampleData {
  private static final String[] WORDS = ("ho so van ban quyet dinh cong van thong tin nguoi dan dia chi phuong xa "
      + "ke hoach bao cao tai chinh ngan sach can bo giay phep dat dai xay dung").split(" ");

  private SampleData() {}

  /** Writes the sample into {@code dir}; returns the bytes written. */
  static long write(Path dir) throws IOException {
    Random rng = new Random(20261121);
    long total = 0;
    for (int i = 0; i < 40; i++) {
      total += text(dir.resolve("documents/cong-van-" + String.format("%03d", i) + ".txt"), rng, 200 + rng.nextInt(2000));
    }
    for (int i = 0; i < 8; i++) {
      byte[] scan = new byte[300_000 + rng.nextInt(900_000)];
      rng.nextBytes(scan);
      total += put(dir.resolve("scans/scan-" + i + ".pdf"), scan);
    }
    for (int day = 1; day <= 30; day++) {
      total += text(dir.resolve("logs/app-2026-10-" + String.format("%02d", day) + ".log"), rng, 3000);
    }
    Files.copy(dir.resolve("scans/scan-0.pdf"), dir.resolve("scans/scan-0-copy.pdf"));
    Files.createSymbolicLink(dir.resolve("latest.log"), Path.of("logs/app-2026-10-30.log"));
    Files.createDirectories(dir.resolve("empty-folder"));
    return total + Files.size(dir.resolve("scans/scan-0.pdf"));
  }

  /** Appends a line to one document, as a day's work would. */
  static void touch(Path dir) throws IOException {
    Files.writeString(dir.resolve("documents/cong-van-000.txt"), "bo sung ngay 21\n", java.nio.file.StandardOpenOption.APPEND);
  }

  /** The number of regular files under {@code a} that are identical under {@code b}; -1 if any differs or is missing. */
  static long compare(Path a, Path b) throws IOException {
    long same = 0;
    try (Stream<Path> files = Files.walk(a)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Path q = b.resolve(a.relativize(p).toString());
          if (!Files.isRegularFile(q) || Files.mismatch(p, q) != -1) {
            return -1;
          }
          same++;
        }
      }
    }
    return same;
  }

  private static long text(Path p, Random rng, int lines) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      int n = 4 + rng.nextInt(10);
      for (int w = 0; w < n; w++) {
        sb.append(WORDS[rng.nextInt(WORDS.length)]).append(w == n - 1 ? '\n' : ' ');
      }
    }
    return put(p, sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static long put(Path p, byte[] data) throws IOException {
    Files.createDirectories(p.getParent());
    Files.write(p, data);
    return data.length;
  }
}
