package org.kho.repository;

import java.util.Arrays;

/**
 * A blob's verified plaintext, {@code buf[off, off+length)}, in arrays lent from a {@link Scratch}
 * until {@link #close}: after that its bytes may be those of another blob.
 */
final class OpenedBlob implements AutoCloseable {
  private final Codec.Slice plain;
  private final byte[] opened;
  private final byte[] decoded;
  private final Scratch lender;

  OpenedBlob(Codec.Slice plain, byte[] opened, byte[] decoded, Scratch lender) {
    this.plain = plain;
    this.opened = opened;
    this.decoded = decoded;
    this.lender = lender;
  }

  byte[] buf() {
    return plain.buf();
  }

  int off() {
    return plain.off();
  }

  int length() {
    return plain.length();
  }

  /** The plaintext in an array of its own. */
  byte[] copy() {
    return Arrays.copyOfRange(plain.buf(), plain.off(), plain.off() + plain.length());
  }

  @Override
  public void close() {
    lender.give(opened);
    lender.give(decoded);
  }
}
