package org.kho.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.kho.backup.BackupProgress;
import org.kho.check.CheckProgress;
import org.kho.repository.CopyProgress;
import org.kho.restore.RestoreProgress;

/**
 * A one-line progress display on standard error, redrawn four times a second: done and total
 * bytes, percentage, throughput and ETA. Shown only on a terminal; silent otherwise.
 */
final class ProgressBar implements BackupProgress, RestoreProgress, CheckProgress, CopyProgress, AutoCloseable {
  private final String verb;
  private final PrintStream err;
  private final boolean enabled;
  private final long startNanos = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong total = new AtomicLong(-1);
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong totalFiles = new AtomicLong(-1);
  private final Thread painter;

  ProgressBar(String verb, boolean enabled) {
    this.verb = verb;
    this.err = System.err;
    this.enabled = enabled && System.console() != null;
    this.painter = new Thread(this::paintLoop, "kho-progress");
    painter.setDaemon(true);
    if (this.enabled) {
      painter.start();
    }
  }

  @Override
  public void scanned(long fileCount, long bytes) {
    totalFiles.set(fileCount);
    total.set(bytes);
  }

  @Override
  public boolean wantsScan() {
    return enabled;
  }

  @Override
  public void total(long count, long bytes) {
    totalFiles.set(count);
    total.set(bytes);
  }

  @Override
  public void advanced(long bytes) {
    done.addAndGet(bytes);
  }

  @Override
  public void fileDone() {
    files.incrementAndGet();
  }

  /** Prints {@code line} above the bar (on a terminal; nothing otherwise). */
  void note(String line) {
    if (enabled) {
      synchronized (this) {
        err.println("\r\u001b[K" + line);
        err.flush();
      }
    }
  }

  private void paintLoop() {
    try {
      while (true) {
        Thread.sleep(250);
        paint();
      }
    } catch (InterruptedException e) {
      // closed
    }
  }

  private synchronized void paint() {
    double secs = (System.nanoTime() - startNanos) / 1e9;
    long d = done.get();
    long t = total.get();
    StringBuilder line = new StringBuilder(verb).append(' ').append(Units.bytes(d));
    if (t > 0) {
      double frac = Math.min(1.0, (double) d / t);
      int width = 20;
      int filled = (int) (frac * width);
      line.insert(0, "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] ")
          .append(" of ").append(Units.bytes(t)).append(String.format(Locale.ROOT, " %3.0f%%", frac * 100));
      if (d > 0 && frac < 1) {
        line.append("  ETA ").append(Units.duration(secs * (t - d) / d));
      }
    }
    line.append("  ").append(Units.rate(d, secs));
    if (files.get() > 0) {
      line.append("  ").append(files.get()).append(totalFiles.get() > 0 ? "/" + totalFiles.get() : "").append(" files");
    }
    err.print("\r" + line + "\u001b[K");
    err.flush();
  }

  @Override
  public void close() {
    if (enabled) {
      painter.interrupt();
      synchronized (this) {
        err.print("\r\u001b[K");
        err.flush();
      }
    }
  }
}
