package org.kho.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/** At most {@code length} bytes of a stream, each also fed to a digest; counts what is left. */
final class Range extends FilterInputStream {
  private final MessageDigest digest;
  private long remaining;

  Range(InputStream in, long length, MessageDigest digest) {
    super(in);
    this.remaining = length;
    this.digest = digest;
  }

  /** Bytes of the range not read (yet): more than zero at the end means the source ended early. */
  long remaining() {
    return remaining;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n > 0) {
      remaining -= n;
      digest.update(b, off, n);
    }
    return n;
  }

  @Override
  public long skip(long n) {
    return 0;
  }

  @Override
  public int available() {
    return 0;
  }
}
