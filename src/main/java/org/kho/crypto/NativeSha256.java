package org.kho.crypto;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.security.MessageDigest;

/**
 * SHA-256 as a streaming {@link MessageDigest} computed by the system's OpenSSL ({@link OpenSsl}):
 * a pack's name while it is written, a log file's digest while it is read. The JDK's digest
 * reaches its SHA intrinsic only once the JIT has compiled it (a second backup compiled it three
 * times). The native context is freed when the digest becomes unreachable. Not thread-safe, as no
 * {@code MessageDigest} is; not cloneable.
 */
final class NativeSha256 extends MessageDigest {
  private static final int BYTES = 32;
  private static final int PIECE = 1 << 20;
  private static final class Holder {
    static final Cleaner CLEANER = Cleaner.create();
  }

  private final OpenSsl openssl;
  private final MemorySegment ctx;

  NativeSha256(OpenSsl openssl) {
    super("SHA-256");
    this.openssl = openssl;
    this.ctx = openssl.newDigest();
    MemorySegment c = ctx;
    Holder.CLEANER.register(this, () -> openssl.freeDigest(c));
  }

  @Override
  protected void engineUpdate(byte input) {
    engineUpdate(new byte[] {input}, 0, 1);
  }

  @Override
  protected void engineUpdate(byte[] input, int offset, int len) {
    java.util.Objects.checkFromIndexSize(offset, len, input.length);
    for (int done = 0; done < len; done += PIECE) { // each call holds off the collector: keep them short
      openssl.updateDigest(ctx, input, offset + done, Math.min(PIECE, len - done));
    }
  }

  @Override
  protected byte[] engineDigest() {
    byte[] md = new byte[BYTES];
    openssl.finishDigest(ctx, md);
    return md;
  }

  @Override
  protected void engineReset() {
    openssl.finishDigest(ctx, new byte[BYTES]);
  }

  @Override
  protected int engineGetDigestLength() {
    return BYTES;
  }
}
