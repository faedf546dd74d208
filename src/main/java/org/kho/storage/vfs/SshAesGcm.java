package org.kho.storage.vfs;

import com.jcraft.jsch.Cipher;
import com.jcraft.jsch.JSch;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import org.kho.crypto.AesGcm;
import org.kho.crypto.GcmContext;

/**
 * SSH's {@code aes128-gcm@openssh.com} and {@code aes256-gcm@openssh.com} (RFC 5647) for JSch,
 * computed by the system's OpenSSL in one {@link GcmContext} per direction, keyed once per key
 * exchange. JSch's own classes re-initialise a JDK cipher for every packet of at most 32 KiB, and
 * the JDK reaches its AES and GHASH intrinsics only from compiled code: on loopback that cost more
 * CPU than the rest of the upload. Same bytes on the wire (SshAesGcmTest seals and opens against
 * JSch's classes).
 *
 * <p>The nonce is the 4-byte fixed field and 8-byte invocation counter that JSch derives from the
 * key exchange; the counter goes up by one per packet, and a packet that would bring it back to its
 * first value is refused, as JSch does. Not thread-safe: JSch uses one instance per direction.
 */
public abstract sealed class SshAesGcm implements Cipher permits SshAesGcm.Aes128, SshAesGcm.Aes256 {
  private static final int NONCE = AesGcm.NONCE_BYTES;
  private static final int TAG = AesGcm.TAG_BYTES;
  private final int keyBytes;
  private GcmContext gcm;
  private final byte[] nonce = new byte[NONCE];
  private long first;
  private byte[] aad = new byte[0];
  private int aadLength;

  SshAesGcm(int keyBytes) {
    this.keyBytes = keyBytes;
  }

  /**
   * Makes JSch use these classes for its AES-GCM ciphers, and {@link SshRandom} for its random
   * bytes, in this JVM, when OpenSSL can be used; otherwise JSch keeps its own. Idempotent.
   */
  static void register() {
    if (AesGcm.openssl(new byte[16]) != null) {
      JSch.setConfig("aes128-gcm@openssh.com", Aes128.class.getName());
      JSch.setConfig("aes256-gcm@openssh.com", Aes256.class.getName());
      JSch.setConfig("random", SshRandom.class.getName());
    }
  }

  /** {@code aes128-gcm@openssh.com}. */
  public static final class Aes128 extends SshAesGcm {
    public Aes128() {
      super(16);
    }
  }

  /** {@code aes256-gcm@openssh.com}. */
  public static final class Aes256 extends SshAesGcm {
    public Aes256() {
      super(32);
    }
  }

  @Override
  public int getIVSize() {
    return 16; // what JSch derives; the first 12 bytes are the nonce
  }

  @Override
  public int getBlockSize() {
    return keyBytes; // JSch sizes the key it derives by this
  }

  @Override
  public int getTagSize() {
    return TAG;
  }

  @Override
  public boolean isCBC() {
    return false;
  }

  @Override
  public boolean isAEAD() {
    return true;
  }

  @Override
  public void init(int mode, byte[] key, byte[] iv) {
    if (key.length < keyBytes || iv.length < NONCE) {
      throw new IllegalArgumentException("AES-GCM needs a " + keyBytes + "-byte key and a 12-byte nonce");
    }
    byte[] k = Arrays.copyOf(key, keyBytes);
    if (gcm != null) {
      gcm.close();
    }
    gcm = GcmContext.openssl(k, mode == ENCRYPT_MODE);
    Arrays.fill(k, (byte) 0);
    if (gcm == null) {
      throw new IllegalStateException("OpenSSL is no longer available for AES-GCM");
    }
    System.arraycopy(iv, 0, nonce, 0, NONCE);
    first = counter();
  }

  @Override
  public void updateAAD(byte[] buf, int off, int len) {
    if (aad.length < len) {
      aad = new byte[len];
    }
    System.arraycopy(buf, off, aad, 0, len);
    aadLength = len;
  }

  @Override
  public void update(byte[] in, int off, int len, byte[] out, int at) {
    throw new UnsupportedOperationException("AES-GCM packets are sealed and opened whole, by doFinal");
  }

  /** Seals {@code len} bytes and appends the tag, or opens {@code len} bytes that end with it. */
  @Override
  public void doFinal(byte[] in, int off, int len, byte[] out, int at) throws AEADBadTagException {
    try {
      if (gcm.seals()) {
        gcm.seal(nonce, aad, 0, aadLength, in, off, len, out, at);
      } else if (!gcm.open(nonce, aad, 0, aadLength, in, off, len, out, at)) {
        throw new AEADBadTagException("SSH packet does not authenticate (AES-GCM tag mismatch)");
      }
    } finally {
      aadLength = 0;
    }
    long next = counter() + 1;
    if (next == first) {
      throw new IllegalStateException("GCM nonce would be reused: the SSH session must re-key");
    }
    for (int i = NONCE - 1; i >= NONCE - 8; i--, next >>>= 8) {
      nonce[i] = (byte) next;
    }
  }

  private long counter() {
    long c = 0;
    for (int i = NONCE - 8; i < NONCE; i++) {
      c = c << 8 | nonce[i] & 0xff;
    }
    return c;
  }
}
