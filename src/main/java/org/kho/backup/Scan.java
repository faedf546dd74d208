package org.kho.backup;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** Counts files and bytes ahead of the backup, on a background thread, so progress can show an ETA. */
final class Scan {
  private Scan() {}

  static void start(List<Path> paths, BackupProgress progress) {
    Thread t = new Thread(() -> {
      long[] totals = new long[2];
      for (Path root : paths) {
        try {
          Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                totals[0]++;
                totals[1] += attrs.size();
                if ((totals[0] & 1023) == 0) {
                  progress.scanned(totals[0], totals[1]);
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
        } catch (IOException e) {
          // the backup itself reports what it cannot read
        }
      }
      progress.scanned(totals[0], totals[1]);
    }, "kho-scan");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }
}
