package org.kho.crypto;

/**
 * AES-256-GCM over segments of at most 64 KiB. Sealed form:
 * {@code nonce (12) || segment 0 || segment 1 || …}, each segment its ciphertext and 16-byte tag.
 * Segment i is sealed under the nonce with its last four bytes XORed with i (big-endian), and
 * authenticates the caller's associated data followed by i (4 bytes, big-endian) and a final flag
 * (1 byte: 1 for the last segment, else 0), so segments can be neither reordered, dropped nor
 * cut off. A message of at most 64 KiB is one segment: 28 bytes of overhead.
 *
 * <p>Why segments: the JDK's AES-GCM reaches its hardware intrinsics only once the code calling
 * it is compiled, and decryption buffers a whole message until its tag is checked. One call per
 * megabyte keeps a short CLI run at interpreter speed (50–100 MB/s); calls of 64 KiB get compiled
 * within a fraction of a second and run at over 1 GB/s (see research/java-platform.md). Each
 * segment is one {@link AesGcm} message: the system's OpenSSL's, at full speed from the first
 * byte, where it is found; the JDK's otherwise. Thread-safe.
 */
public final class Aead {
  public static final int KEY_BYTES = 32;
  public static final int NONCE_BYTES = 12;
  public static final int TAG_BYTES = 16;
  /** Plaintext bytes per segment. */
  public static final int SEGMENT = 64 * 1024;
  private static final OpenSsl NATIVE = OpenSsl.get();

  private final AesGcm gcm;

  public Aead(byte[] key) {
    this(key, true);
  }

  /** {@code allowNative} false keeps the JDK's provider even where OpenSSL is found: for tests comparing the two. */
  Aead(byte[] key, boolean allowNative) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("AES-256 needs a 32-byte key");
    }
    this.gcm = allowNative ? AesGcm.of(key) : new JdkGcm(key);
  }

  /** Whether the system's OpenSSL seals and opens (else the JDK's provider). */
  public static boolean nativeCrypto() {
    return NATIVE != null;
  }

  /** The sealed size of a {@code plainLength}-byte message. */
  public static int sealedLength(int plainLength) {
    return NONCE_BYTES + plainLength + segments(plainLength) * TAG_BYTES;
  }

  /** Seals {@code plain[off, off+len)} into a new array. */
  public byte[] seal(byte[] plain, int off, int len, byte[] aad) {
    byte[] out = new byte[sealedLength(len)];
    seal(plain, off, len, aad, out, 0);
    return out;
  }

  /** Seals into {@code out} at {@code outOff}; returns the bytes written ({@link #sealedLength}). */
  public int seal(byte[] plain, int off, int len, byte[] aad, byte[] out, int outOff) {
    byte[] nonce = new byte[NONCE_BYTES];
    CryptoRandom.fill(nonce); // OpenSSL's: NativePRNG's SHA-1 compiles took 0.3 s of a first backup
    return seal(nonce, plain, off, len, aad, out, outOff);
  }

  /** Seals under {@code nonce}, which must never have sealed anything under this key: for {@link Warmup}'s throw-away key. */
  int seal(byte[] nonce, byte[] plain, int off, int len, byte[] aad, byte[] out, int outOff) {
    System.arraycopy(nonce, 0, out, outOff, NONCE_BYTES);
    int at = outOff + NONCE_BYTES;
    int count = segments(len);
    for (int i = 0; i < count; i++) {
      int from = off + i * SEGMENT;
      int n = Math.min(SEGMENT, off + len - from);
      byte[] a = segmentAad(aad, i, i == count - 1);
      gcm.seal(segmentNonce(nonce, i), a, 0, a.length, plain, from, n, out, at);
      at += n + TAG_BYTES;
    }
    return at - outOff;
  }

  /** Opens a sealed message, or throws if any part of it does not authenticate. */
  public byte[] open(byte[] sealed, int off, int len, byte[] aad) throws AuthenticationFailedException {
    byte[] out = new byte[checkedOpenedLength(len)];
    open(sealed, off, len, aad, out, 0);
    return out;
  }

  /**
   * The plaintext length of a {@code sealedLength}-byte sealed message, or -1 when no sealed
   * message has that length.
   */
  public static int openedLength(int sealedLength) {
    int body = sealedLength - NONCE_BYTES;
    int count = body <= 0 ? 0 : (body + SEGMENT + TAG_BYTES - 1) / (SEGMENT + TAG_BYTES);
    int plainLength = body - count * TAG_BYTES;
    return count == 0 || plainLength < 0 || sealedLength(plainLength) != sealedLength ? -1 : plainLength;
  }

  /**
   * Opens a sealed message into {@code out} from {@code outOff}, which must have room for
   * {@link #openedLength} bytes; returns that length. Throws if any part of it does not
   * authenticate, and then {@code out} holds nothing the caller may use. Reading into a buffer
   * the caller keeps saves allocating a megabyte or so for every blob a restore or check reads.
   */
  public int open(byte[] sealed, int off, int len, byte[] aad, byte[] out, int outOff)
      throws AuthenticationFailedException {
    int plainLength = checkedOpenedLength(len);
    java.util.Objects.checkFromIndexSize(outOff, plainLength, out.length);
    int count = segments(plainLength);
    byte[] nonce = java.util.Arrays.copyOfRange(sealed, off, off + NONCE_BYTES);
    int in = off + NONCE_BYTES;
    int at = 0;
    for (int i = 0; i < count; i++) {
      int n = Math.min(SEGMENT, plainLength - at);
      byte[] a = segmentAad(aad, i, i == count - 1);
      if (!gcm.open(segmentNonce(nonce, i), a, 0, a.length, sealed, in, n + TAG_BYTES, out, outOff + at)) {
        throw new AuthenticationFailedException("authentication tag does not match", null);
      }
      at += n;
      in += n + TAG_BYTES;
    }
    return plainLength;
  }

  private static int checkedOpenedLength(int sealedLength) throws AuthenticationFailedException {
    int plainLength = openedLength(sealedLength);
    if (plainLength < 0) {
      throw new AuthenticationFailedException("sealed data of " + sealedLength + " bytes cannot be a sealed message", null);
    }
    return plainLength;
  }

  public byte[] open(byte[] sealed, byte[] aad) throws AuthenticationFailedException {
    return open(sealed, 0, sealed.length, aad);
  }

  private static int segments(int plainLength) {
    return Math.max(1, (plainLength + SEGMENT - 1) / SEGMENT);
  }

  private static byte[] segmentNonce(byte[] nonce, int i) {
    byte[] n = nonce.clone();
    n[8] ^= (byte) (i >>> 24);
    n[9] ^= (byte) (i >>> 16);
    n[10] ^= (byte) (i >>> 8);
    n[11] ^= (byte) i;
    return n;
  }

  private static byte[] segmentAad(byte[] aad, int i, boolean last) {
    byte[] a = java.util.Arrays.copyOf(aad, aad.length + 5);
    a[aad.length] = (byte) (i >>> 24);
    a[aad.length + 1] = (byte) (i >>> 16);
    a[aad.length + 2] = (byte) (i >>> 8);
    a[aad.length + 3] = (byte) i;
    a[aad.length + 4] = (byte) (last ? 1 : 0);
    return a;
  }
}
