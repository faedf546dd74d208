package org.kho.crypto;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * AES-256-GCM, HMAC-SHA256 and SHA-256 by the system's OpenSSL 3 ({@code libcrypto.so.3}, Debian's
 * {@code libssl3}), where it is installed and native access is allowed; else {@link #get} is null
 * and the JDK's providers do the work. Same bytes either way (OpenSslTest compares them).
 *
 * <p>Why: the JDK reaches its AES, GHASH and SHA intrinsics only from code the JIT compiler has
 * compiled, so every fresh CLI run starts at interpreter or C1 speed and keeps a compiler thread
 * busy with the crypto classes; on two cores that cost a second backup about a third of its CPU
 * time (bench/README.md, "Crypto"). OpenSSL runs its AES-NI, PCLMULQDQ and SHA-NI code from the
 * first byte.
 *
 * <p>Calls pass Java arrays straight to the library (critical downcalls with heap access: no
 * copies, and the collector waits for the call): callers keep each call short, at most 64 KiB
 * sealed or opened and 1 MiB hashed at once (well under a millisecond), save the keyed hash of a
 * whole chunk (at most 8 MiB, some 6 ms). Cipher
 * contexts live for one segment and are freed, which makes OpenSSL wipe the key schedule, save the
 * {@link #keyed} ones of {@link GcmContext}, freed by their owner. The key bytes themselves stay in
 * the caller's array. Thread-safe: nothing is shared but the fetched
 * algorithm.
 */
final class OpenSsl {
  private static final String LIBRARY = "libcrypto.so.3";
  private static final int AEAD_GET_TAG = 0x10;
  private static final int AEAD_SET_TAG = 0x11;
  private static final int TAG = Aead.TAG_BYTES;
  private static final OpenSsl INSTANCE = load();

  private final MemorySegment aes128Gcm;
  private final MemorySegment aes256Gcm;
  private final MemorySegment sha256Md;
  private final MethodHandle ctxNew;
  private final MethodHandle ctxFree;
  private final MethodHandle cipherInit;
  private final MethodHandle cipherUpdate;
  private final MethodHandle cipherFinal;
  private final MethodHandle ctxCtrl;
  private final MethodHandle hmac;
  private final MethodHandle sha256;
  private final MethodHandle randBytes;
  private final MethodHandle mdNew;
  private final MethodHandle mdFree;
  private final MethodHandle digestInit;
  private final MethodHandle digestUpdate;
  private final MethodHandle digestFinal;

  private OpenSsl(SymbolLookup lib, Linker linker) throws Throwable {
    Linker.Option heap = Linker.Option.critical(true);
    MethodHandle fetch = linker.downcallHandle(lib.findOrThrow("EVP_CIPHER_fetch"),
        FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    try (Arena a = Arena.ofConfined()) {
      aes128Gcm = (MemorySegment) fetch.invokeExact(MemorySegment.NULL, a.allocateFrom("AES-128-GCM"), MemorySegment.NULL);
      aes256Gcm = (MemorySegment) fetch.invokeExact(MemorySegment.NULL, a.allocateFrom("AES-256-GCM"), MemorySegment.NULL);
    }
    if (aes128Gcm.equals(MemorySegment.NULL) || aes256Gcm.equals(MemorySegment.NULL)) {
      throw new IllegalStateException("no AES-GCM in this OpenSSL");
    }
    sha256Md = (MemorySegment) linker.downcallHandle(lib.findOrThrow("EVP_sha256"), FunctionDescriptor.of(ADDRESS)).invokeExact();
    ctxNew = linker.downcallHandle(lib.findOrThrow("EVP_CIPHER_CTX_new"), FunctionDescriptor.of(ADDRESS));
    ctxFree = linker.downcallHandle(lib.findOrThrow("EVP_CIPHER_CTX_free"), FunctionDescriptor.ofVoid(ADDRESS));
    cipherInit = linker.downcallHandle(lib.findOrThrow("EVP_CipherInit_ex"),
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT), heap);
    cipherUpdate = linker.downcallHandle(lib.findOrThrow("EVP_CipherUpdate"),
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT), heap);
    cipherFinal = linker.downcallHandle(lib.findOrThrow("EVP_CipherFinal_ex"),
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), heap);
    ctxCtrl = linker.downcallHandle(lib.findOrThrow("EVP_CIPHER_CTX_ctrl"),
        FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), heap);
    hmac = linker.downcallHandle(lib.findOrThrow("HMAC"),
        FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS), heap);
    sha256 = linker.downcallHandle(lib.findOrThrow("SHA256"), FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS), heap);
    randBytes = linker.downcallHandle(lib.findOrThrow("RAND_bytes"), FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), heap);
    mdNew = linker.downcallHandle(lib.findOrThrow("EVP_MD_CTX_new"), FunctionDescriptor.of(ADDRESS));
    mdFree = linker.downcallHandle(lib.findOrThrow("EVP_MD_CTX_free"), FunctionDescriptor.ofVoid(ADDRESS));
    digestInit = linker.downcallHandle(lib.findOrThrow("EVP_DigestInit_ex"),
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
    digestUpdate = linker.downcallHandle(lib.findOrThrow("EVP_DigestUpdate"),
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG), heap);
    digestFinal = linker.downcallHandle(lib.findOrThrow("EVP_DigestFinal_ex"),
        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), heap);
  }

  /** The library, or null when it is not installed, not OpenSSL 3, or may not be called. */
  static OpenSsl get() {
    return INSTANCE;
  }

  private static OpenSsl load() {
    if (!System.getProperty("os.name", "").startsWith("Linux") || ValueLayout.ADDRESS.byteSize() != 8
        || "jdk".equals(System.getProperty("kho.crypto"))) {
      return null;
    }
    try {
      return new OpenSsl(SymbolLookup.libraryLookup(LIBRARY, Arena.global()), Linker.nativeLinker());
    } catch (Throwable e) {
      return null; // not installed, a symbol missing, or no native access granted
    }
  }

  /**
   * Seals {@code in[off, off+len)} under {@code key} (16 or 32 bytes: AES-128 or AES-256) and the
   * 12-byte {@code nonce}, authenticating {@code aad[aadOff, aadOff+aadLen)}: writes the
   * ciphertext and then the 16-byte tag at {@code out[at]}. {@code out} may be {@code in} at the
   * same offset.
   */
  void seal(byte[] key, byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int off, int len, byte[] out, int at) {
    if (!withCipher(ctx -> start(ctx, cipher(key), key, nonce, 1) && sealed(ctx, aad, aadOff, aadLen, in, off, len, out, at))) {
      throw new IllegalStateException("OpenSSL refused to seal with AES-GCM");
    }
  }

  /**
   * Opens {@code in[off, off+len)}, ciphertext and tag, into {@code out[at]}; false when the tag
   * does not match (then {@code out} holds bytes the caller must not use).
   */
  boolean open(byte[] key, byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int off, int len, byte[] out, int at) {
    return len >= TAG && withCipher(ctx -> start(ctx, cipher(key), key, nonce, 0)
        && opened(ctx, aad, aadOff, aadLen, in, off, len, out, at));
  }

  /**
   * A cipher context keyed once for AES-GCM under {@code key}, to seal ({@code seal} true) or open
   * messages one after another with {@link #sealKeyed} or {@link #openKeyed}: the key schedule is
   * computed once, not per message. The caller frees it with {@link #freeKeyed}, which wipes it.
   */
  MemorySegment keyed(byte[] key, boolean seal) {
    MemorySegment ctx = newContext();
    boolean ok = false;
    try {
      ok = call(() -> start(ctx, cipher(key), key, null, seal ? 1 : 0));
    } finally {
      if (!ok) {
        free(ctx);
      }
    }
    if (!ok) {
      throw new IllegalStateException("OpenSSL refused an AES-GCM key");
    }
    return ctx;
  }

  /** {@link #seal}, with the key of a {@link #keyed} context made to seal. */
  void sealKeyed(MemorySegment ctx, byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int off, int len, byte[] out,
      int at) {
    if (!call(() -> start(ctx, null, null, nonce, -1) && sealed(ctx, aad, aadOff, aadLen, in, off, len, out, at))) {
      throw new IllegalStateException("OpenSSL refused to seal with AES-GCM");
    }
  }

  /** {@link #open}, with the key of a {@link #keyed} context made to open. */
  boolean openKeyed(MemorySegment ctx, byte[] nonce, byte[] aad, int aadOff, int aadLen, byte[] in, int off, int len,
      byte[] out, int at) {
    return len >= TAG && call(() -> start(ctx, null, null, nonce, -1) && opened(ctx, aad, aadOff, aadLen, in, off, len, out, at));
  }

  /** Frees a {@link #keyed} context; OpenSSL wipes its key schedule. */
  void freeKeyed(MemorySegment ctx) {
    free(ctx);
  }

  /**
   * {@code EVP_CipherInit_ex}: sets what is not null (the cipher, the key, the nonce) and the
   * direction (1 seal, 0 open, -1 as before); a new nonce starts a new message under the same key.
   */
  private boolean start(MemorySegment ctx, MemorySegment cipher, byte[] key, byte[] nonce, int direction) throws Throwable {
    MemorySegment c = cipher == null ? MemorySegment.NULL : cipher;
    MemorySegment k = key == null ? MemorySegment.NULL : MemorySegment.ofArray(key);
    MemorySegment n = nonce == null ? MemorySegment.NULL : MemorySegment.ofArray(nonce);
    return (int) cipherInit.invokeExact(ctx, c, MemorySegment.NULL, k, n, direction) == 1;
  }

  /** The rest of a seal, once {@link #start} has set key and nonce: associated data, data, tag. */
  private boolean sealed(MemorySegment ctx, byte[] aad, int aadOff, int aadLen, byte[] in, int off, int len, byte[] out,
      int at) throws Throwable {
    int[] outLength = new int[1];
    MemorySegment n = MemorySegment.ofArray(outLength);
    MemorySegment o = MemorySegment.ofArray(out);
    return (int) cipherUpdate.invokeExact(ctx, MemorySegment.NULL, n, slice(aad, aadOff, aadLen), aadLen) == 1
        && (len == 0 || (int) cipherUpdate.invokeExact(ctx, o.asSlice(at, len), n, slice(in, off, len), len) == 1
            && outLength[0] == len)
        && (int) cipherFinal.invokeExact(ctx, o.asSlice(at + len), n) == 1
        && (int) ctxCtrl.invokeExact(ctx, AEAD_GET_TAG, TAG, o.asSlice(at + len, TAG)) == 1;
  }

  /** The rest of an open, once {@link #start} has set key and nonce: associated data, data, tag check. */
  private boolean opened(MemorySegment ctx, byte[] aad, int aadOff, int aadLen, byte[] in, int off, int len, byte[] out,
      int at) throws Throwable {
    int n = len - TAG;
    MemorySegment l = MemorySegment.ofArray(new int[1]);
    MemorySegment i = MemorySegment.ofArray(in);
    MemorySegment o = MemorySegment.ofArray(out);
    return (int) cipherUpdate.invokeExact(ctx, MemorySegment.NULL, l, slice(aad, aadOff, aadLen), aadLen) == 1
        && (n == 0 || (int) cipherUpdate.invokeExact(ctx, o.asSlice(at, n), l, i.asSlice(off, n), n) == 1)
        && (int) ctxCtrl.invokeExact(ctx, AEAD_SET_TAG, TAG, i.asSlice(off + n, TAG)) == 1
        && (int) cipherFinal.invokeExact(ctx, o.asSlice(at + n), l) == 1;
  }

  /** Calls into a cipher context made for {@code body} and freed after it (OpenSSL wipes its key schedule). */
  private boolean withCipher(CipherCall body) {
    MemorySegment ctx = newContext();
    try {
      return call(() -> body.run(ctx));
    } finally {
      free(ctx);
    }
  }

  private interface CipherCall {
    boolean run(MemorySegment ctx) throws Throwable;
  }

  /** HMAC-SHA256 of {@code data[off, off+len)} under {@code key}. */
  byte[] hmacSha256(byte[] key, byte[] data, int off, int len) {
    byte[] md = new byte[32];
    MemorySegment r = call(() -> (MemorySegment) hmac.invokeExact(sha256Md, MemorySegment.ofArray(key), key.length,
        slice(data, off, len), (long) len, MemorySegment.ofArray(md), MemorySegment.NULL));
    if (r.equals(MemorySegment.NULL)) {
      throw new IllegalStateException("OpenSSL refused to compute HMAC-SHA256");
    }
    return md;
  }

  /** SHA-256 of {@code data[off, off+len)}. */
  byte[] sha256(byte[] data, int off, int len) {
    byte[] md = new byte[32];
    MemorySegment r = call(() -> (MemorySegment) sha256.invokeExact(slice(data, off, len), (long) len,
        MemorySegment.ofArray(md)));
    if (r.equals(MemorySegment.NULL)) {
      throw new IllegalStateException("OpenSSL refused to compute SHA-256");
    }
    return md;
  }

  /**
   * Fills {@code out[off, off+len)} from OpenSSL's CSPRNG ({@code RAND_bytes}, seeded by the
   * kernel), for {@link CryptoRandom}.
   */
  void randomBytes(byte[] out, int off, int len) {
    if (call(() -> (int) randBytes.invokeExact(slice(out, off, len), len)) != 1) {
      throw new IllegalStateException("OpenSSL's random number generator failed (RAND_bytes)");
    }
  }

  /** A new SHA-256 context, to be given back to {@link #freeDigest}. */
  MemorySegment newDigest() {
    MemorySegment ctx = allocated(call(() -> (MemorySegment) mdNew.invokeExact()), "a digest context");
    if (call(() -> (int) digestInit.invokeExact(ctx, sha256Md, MemorySegment.NULL)) != 1) {
      freeDigest(ctx);
      throw new IllegalStateException("OpenSSL refused to start a SHA-256 digest");
    }
    return ctx;
  }

  void updateDigest(MemorySegment ctx, byte[] data, int off, int len) {
    if (call(() -> (int) digestUpdate.invokeExact(ctx, slice(data, off, len), (long) len)) != 1) {
      throw new IllegalStateException("OpenSSL refused to hash");
    }
  }

  /** Ends the digest into {@code md} (32 bytes) and starts the context again, as after init. */
  void finishDigest(MemorySegment ctx, byte[] md) {
    if (call(() -> (int) digestFinal.invokeExact(ctx, MemorySegment.ofArray(md), MemorySegment.NULL)) != 1
        || call(() -> (int) digestInit.invokeExact(ctx, sha256Md, MemorySegment.NULL)) != 1) {
      throw new IllegalStateException("OpenSSL refused to finish a SHA-256 digest");
    }
  }

  void freeDigest(MemorySegment ctx) {
    call(() -> {
      mdFree.invokeExact(ctx);
      return null;
    });
  }

  /** A downcall, whose checked {@code Throwable} (it has none in practice) becomes an {@code IllegalStateException}. */
  private interface NativeCall<T> {
    T run() throws Throwable;
  }

  private static <T> T call(NativeCall<T> c) {
    try {
      return c.run();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("OpenSSL call failed", e);
    }
  }

  private static MemorySegment allocated(MemorySegment ctx, String what) {
    if (ctx.equals(MemorySegment.NULL)) {
      throw new OutOfMemoryError("OpenSSL could not allocate " + what);
    }
    return ctx;
  }

  private MemorySegment cipher(byte[] key) {
    return switch (key.length) {
      case 16 -> aes128Gcm;
      case 32 -> aes256Gcm;
      default -> throw new IllegalArgumentException("AES-GCM needs a 16- or 32-byte key, not " + key.length + " bytes");
    };
  }

  private static MemorySegment slice(byte[] bytes, int off, int len) {
    return MemorySegment.ofArray(bytes).asSlice(off, len);
  }

  private MemorySegment newContext() {
    return allocated(call(() -> (MemorySegment) ctxNew.invokeExact()), "a cipher context");
  }

  private void free(MemorySegment ctx) {
    call(() -> {
      ctxFree.invokeExact(ctx);
      return null;
    });
  }
}
