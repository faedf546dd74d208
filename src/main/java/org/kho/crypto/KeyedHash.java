package org.kho.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a repository key: chunk ids that reveal nothing about the content to whoever
 * lacks the key, unlike a plain hash. Computed by the system's OpenSSL where found ({@link
 * OpenSsl}), else by the JDK. Thread-safe.
 */
public final class KeyedHash {
  public static final int BYTES = 32;
  private static final OpenSsl NATIVE = OpenSsl.get();
  private final ThreadLocal<Mac> mac;
  /** The key for {@link OpenSsl}; null when the JDK does the work. */
  private final byte[] nativeKey;

  public KeyedHash(byte[] key) {
    this(key, true);
  }

  /** {@code allowNative} false keeps the JDK's provider even where OpenSSL is found: for tests comparing the two. */
  KeyedHash(byte[] key, boolean allowNative) {
    this.nativeKey = NATIVE == null || !allowNative ? null : key.clone();
    SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.mac = ThreadLocal.withInitial(() -> {
      try {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(spec);
        return m;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("this Java has no HmacSHA256", e);
      }
    });
  }

  public byte[] of(byte[] data, int off, int len) {
    if (nativeKey != null) {
      return NATIVE.hmacSha256(nativeKey, data, off, len);
    }
    Warmup.note(len);
    Mac m = mac.get();
    for (int done = 0; done < len; done += 64 * 1024) {
      m.update(data, off + done, Math.min(64 * 1024, len - done));
    }
    return m.doFinal();
  }

  public byte[] of(byte[] data) {
    return of(data, 0, data.length);
  }
}
