package org.kho.wipe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Writes the passes of an overwrite over a whole device in large aligned direct writes, reads back
 * the passes {@link Verify} asks for (direct reads, compared with the pattern or the regenerated
 * keystream), and saves its place in the {@link Journal} at checkpoints: every
 * {@link #CHECKPOINT} bytes and at the end of each pass, each after flushing the device.
 */
final class Overwriter {
  /** Bytes per write and read: large enough for disk speed, as {@code dd bs=4M}. */
  static final int CHUNK = 4 << 20;
  /** Bytes between checkpoints; an interrupted wipe redoes at most this much. */
  static final long CHECKPOINT = 1L << 30;
  private final Journal journal;
  private final WipeProgress progress;
  private final BooleanSupplier cancelled;
  private final ByteBuffer data = RawDevice.buffer(CHUNK);
  private final ByteBuffer expected = RawDevice.buffer(CHUNK);

  Overwriter(Journal journal, WipeProgress progress, BooleanSupplier cancelled) {
    this.journal = journal;
    this.progress = progress;
    this.cancelled = cancelled;
  }

  /** Runs the passes from where {@code start} stands to the end; returns the final state. */
  Journal.State run(RawDevice dev, List<Pass> passes, Journal.State start) throws IOException {
    Journal.State s = start;
    int n = passes.size();
    for (int i = s.pass(); i < n; i++) {
      Pass pass = passes.get(i);
      Keystream ks = pass instanceof Pass.Random ? new Keystream(HexFormat.of().parseHex(s.seeds().get(i))) : null;
      String label = "pass " + (i + 1) + "/" + n + " " + pass.label();
      if (!s.verifying()) {
        s = write(dev, pass, ks, label, s);
        s = s.at(i, true, 0);
        journal.save(s);
      }
      if (s.verify().covers(i, n)) {
        s = verify(dev, pass, ks, "verify " + label, s);
      }
      s = s.at(i + 1, false, 0);
      journal.save(s);
    }
    progress.finished();
    return s;
  }

  private Journal.State write(RawDevice dev, Pass pass, Keystream ks, String label, Journal.State s) throws IOException {
    long off = s.offset();
    progress.phase(label, dev.size(), off);
    prepare(data, pass);
    long sinceCheckpoint = 0;
    while (off < dev.size()) {
      stopIfCancelled(dev, s.at(s.pass(), false, off));
      int len = length(dev, off);
      fill(data, pass, ks, off, len);
      dev.write(data, off);
      off += len;
      progress.advanced(len);
      sinceCheckpoint += len;
      if (sinceCheckpoint >= CHECKPOINT) {
        dev.flush();
        journal.save(s.at(s.pass(), false, off));
        sinceCheckpoint = 0;
      }
    }
    dev.flush();
    return s.at(s.pass(), false, off);
  }

  private Journal.State verify(RawDevice dev, Pass pass, Keystream ks, String label, Journal.State s) throws IOException {
    long off = s.offset();
    progress.phase(label, dev.size(), off);
    prepare(expected, pass);
    long sinceCheckpoint = 0;
    while (off < dev.size()) {
      stopIfCancelled(dev, s.at(s.pass(), true, off));
      int len = length(dev, off);
      fill(expected, pass, ks, off, len);
      data.clear().limit(len);
      dev.read(data, off);
      data.flip();
      s = s.tally(len, 0, -1);
      int at = data.mismatch(expected);
      if (at >= 0) {
        s = s.tally(0, countMismatches(at), off + at);
      }
      off += len;
      progress.advanced(len);
      sinceCheckpoint += len;
      if (sinceCheckpoint >= CHECKPOINT) {
        journal.save(s.at(s.pass(), true, off));
        sinceCheckpoint = 0;
      }
    }
    return s.at(s.pass(), true, off);
  }

  /** The size of the next I/O at {@code off}: a chunk, never crossing into the tail. */
  private static int length(RawDevice dev, long off) {
    long end = off < dev.bodyEnd() ? dev.bodyEnd() : dev.size();
    return (int) Math.min(CHUNK, end - off);
  }

  /** A fill pass's buffer is filled once per pass; a random pass's per chunk. */
  private static void prepare(ByteBuffer buf, Pass pass) {
    if (pass instanceof Pass.Fill f) {
      buf.clear();
      byte b = (byte) f.value();
      while (buf.hasRemaining()) {
        buf.put(b);
      }
    }
  }

  private static void fill(ByteBuffer buf, Pass pass, Keystream ks, long off, int len) {
    buf.clear().limit(len);
    if (ks != null) {
      ks.fill(buf, off);
      buf.flip();
    }
  }

  private long countMismatches(int from) {
    long count = 0;
    for (int i = from; i < data.limit(); i++) {
      if (data.get(i) != expected.get(i)) {
        count++;
      }
    }
    return count;
  }

  private void stopIfCancelled(RawDevice dev, Journal.State here) throws IOException {
    if (cancelled.getAsBoolean()) {
      dev.flush();
      journal.save(here);
      throw new WipeInterruptedException(here);
    }
  }
}
