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
 * {@link #CHECKPOINT} bytes and at the end of each pass, each after flushing the device. The
 * device I/O runs on a second thread ({@link IoLane}) so that making the next chunk of random data,
 * or comparing the last one read, overlaps it.
 */
final class Overwriter {
  /** Bytes per write and read: large enough for disk speed (dd uses 4 MiB). */
  static final int CHUNK = 8 << 20;
  /** Bytes between checkpoints; an interrupted wipe redoes at most this much. */
  static final long CHECKPOINT = 1L << 30;
  private final Journal journal;
  private final WipeProgress progress;
  private final BooleanSupplier cancelled;
  private final ByteBuffer[] io = {RawDevice.buffer(CHUNK), RawDevice.buffer(CHUNK)};
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
    try (IoLane lane = new IoLane(dev)) {
      for (int i = s.pass(); i < n; i++) {
        Pass pass = passes.get(i);
        Keystream ks = pass instanceof Pass.Random ? new Keystream(HexFormat.of().parseHex(s.seeds().get(i))) : null;
        String label = "pass " + (i + 1) + "/" + n + " " + pass.label();
        if (!s.verifying()) {
          s = write(lane, pass, ks, label, s).at(i, true, 0);
          journal.save(s);
        }
        if (s.verify().covers(i, n)) {
          s = verify(lane, pass, ks, "verify " + label, s);
        }
        s = s.at(i + 1, false, 0);
        journal.save(s);
      }
    }
    progress.finished();
    return s;
  }

  private Journal.State write(IoLane lane, Pass pass, Keystream ks, String label, Journal.State s) throws IOException {
    RawDevice dev = lane.device();
    long off = s.offset();
    progress.phase(label, dev.size(), off);
    prepare(io[0], pass);
    prepare(io[1], pass);
    long sinceCheckpoint = 0;
    for (int k = 0; off < dev.size(); k++) {
      if (cancelled.getAsBoolean()) {
        lane.await();
        stop(dev, s.at(s.pass(), false, off));
      }
      int len = length(dev, off);
      ByteBuffer buf = io[k & 1];
      fill(buf, ks, off, len);
      lane.await();
      lane.write(buf, off);
      off += len;
      progress.advanced(len);
      sinceCheckpoint += len;
      if (sinceCheckpoint >= CHECKPOINT) {
        lane.await();
        dev.flush();
        journal.save(s.at(s.pass(), false, off));
        sinceCheckpoint = 0;
      }
    }
    lane.await();
    dev.flush();
    return s.at(s.pass(), false, off);
  }

  private Journal.State verify(IoLane lane, Pass pass, Keystream ks, String label, Journal.State s) throws IOException {
    RawDevice dev = lane.device();
    long off = s.offset();
    progress.phase(label, dev.size(), off);
    prepare(expected, pass);
    if (off < dev.size()) {
      lane.read(io[0], off, length(dev, off));
    }
    long sinceCheckpoint = 0;
    for (int k = 0; off < dev.size(); k++) {
      int len = length(dev, off);
      lane.await();
      if (cancelled.getAsBoolean()) {
        stop(dev, s.at(s.pass(), true, off));
      }
      long next = off + len;
      if (next < dev.size()) {
        lane.read(io[(k + 1) & 1], next, length(dev, next));
      }
      fill(expected, ks, off, len);
      s = compare(io[k & 1], off, s.tally(len, 0, -1));
      off = next;
      progress.advanced(len);
      sinceCheckpoint += len;
      if (sinceCheckpoint >= CHECKPOINT) {
        journal.save(s.at(s.pass(), true, off));
        sinceCheckpoint = 0;
      }
    }
    lane.await();
    return s.at(s.pass(), true, off);
  }

  private Journal.State compare(ByteBuffer data, long off, Journal.State s) {
    int at = data.mismatch(expected);
    if (at < 0) {
      return s;
    }
    long count = 0;
    for (int i = at; i < data.limit(); i++) {
      if (data.get(i) != expected.get(i)) {
        count++;
      }
    }
    return s.tally(0, count, off + at);
  }

  /** The size of the next I/O at {@code off}: a chunk, never crossing into the tail. */
  private static int length(RawDevice dev, long off) {
    long end = off < dev.bodyEnd() ? dev.bodyEnd() : dev.size();
    return (int) Math.min(CHUNK, end - off);
  }

  /** A fill pass's buffers are filled once per pass; a random pass's per chunk. */
  private static void prepare(ByteBuffer buf, Pass pass) {
    if (pass instanceof Pass.Fill f) {
      byte[] pattern = new byte[64 * 1024];
      java.util.Arrays.fill(pattern, (byte) f.value());
      buf.clear();
      while (buf.hasRemaining()) {
        buf.put(pattern, 0, Math.min(pattern.length, buf.remaining()));
      }
    }
  }

  private static void fill(ByteBuffer buf, Keystream ks, long off, int len) {
    buf.clear().limit(len);
    if (ks != null) {
      ks.fill(buf, off);
      buf.flip();
    }
  }

  private void stop(RawDevice dev, Journal.State here) throws IOException {
    dev.flush();
    journal.save(here);
    throw new WipeInterruptedException(here);
  }
}
