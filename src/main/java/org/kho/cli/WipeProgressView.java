package org.kho.cli;

import java.io.PrintStream;
import org.kho.wipe.WipeProgress;

/**
 * Shows a wipe's progress: a bar with throughput and ETA per pass on a terminal, and one line per
 * finished pass on standard error in any case (so logs and scripts see the speed too).
 */
final class WipeProgressView implements WipeProgress, AutoCloseable {
  private final boolean bars;
  private final PrintStream err = System.err;
  private ProgressBar bar;
  private String step;
  private long started;
  private long moved;

  WipeProgressView(boolean bars) {
    this.bars = bars;
  }

  @Override
  public void phase(String step, long bytes, long done) {
    finish();
    this.step = step;
    this.started = System.nanoTime();
    this.moved = 0;
    bar = new ProgressBar(step, bars);
    bar.total(1, bytes);
    bar.advanced(done);
  }

  @Override
  public void advanced(long bytes) {
    moved += bytes;
    bar.advanced(bytes);
  }

  @Override
  public void finished() {
    finish();
  }

  private void finish() {
    if (bar == null) {
      return;
    }
    bar.close();
    double secs = (System.nanoTime() - started) / 1e9;
    if (moved > 0) {
      err.println(step + ": " + Units.bytes(moved) + " in " + Units.duration(secs) + ", " + Units.rate(moved, secs));
    }
    bar = null;
  }

  @Override
  public void close() {
    finish();
  }
}
