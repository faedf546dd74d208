package org.kho.wipe;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Reads the keystream seed of a running random pass from the journal, to regenerate what was written. */
final class SeedCapture implements WipeProgress {
  private final Journal journal;
  private final String serial;
  private final long size;
  private String seed;

  SeedCapture(Journal journal, String serial, long size) {
    this.journal = journal;
    this.serial = serial;
    this.size = size;
  }

  @Override
  public void phase(String step, long bytes, long done) {
    if (seed == null) {
      seed = journal.find(serial, size).orElseThrow().seeds().getFirst();
    }
  }

  /** The bytes the first pass wrote over {@code length} bytes. */
  byte[] keystream(int length) {
    ByteBuffer expected = ByteBuffer.allocate(length);
    new Keystream(HexFormat.of().parseHex(seed)).fill(expected, 0);
    return expected.array();
  }
}
