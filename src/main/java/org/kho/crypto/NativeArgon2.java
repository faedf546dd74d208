package org.kho.crypto;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Argon2id computed by the system's libargon2 (Debian's {@code libargon2-1}: the RFC's reference
 * code), through {@code argon2_ctx}, where the library is installed and native access is allowed.
 * In a fresh JVM a derivation at {@link Argon2id#DEFAULT} costs about 0.35 CPU-s this way against
 * 0.6-0.9 CPU-s by {@link Argon2id}'s Java code, which starts in the interpreter and keeps the JIT
 * compilers busy for most of its first derivation. The output is the same bytes (Argon2idTest).
 *
 * <p>The library wipes its memory before freeing it; the copies of the password and secret key
 * handed to it are zeroed here before their arena closes. Only one downcall handle of a simple
 * shape is made (set-up 0.02-0.03 CPU-s with the AOT cache, 0.13 without): the
 * {@code argon2_context} structure is packed in a byte array and copied out, not written field by
 * field through var handles.
 */
final class NativeArgon2 {
  /** {@code Argon2_id} in {@code argon2_type}. */
  private static final int ARGON2_ID = 2;
  /** {@code ARGON2_VERSION_13}. */
  private static final int VERSION_13 = 0x13;
  /** The library's smallest salt ({@code ARGON2_MIN_SALT_LENGTH}); shorter ones go to the Java code. */
  private static final int MIN_SALT = 8;
  /** {@code sizeof(argon2_context)} on a 64-bit platform: 6 pointers, 12 32-bit fields, padding. */
  private static final int CONTEXT_BYTES = 120;
  private static final String LIBRARY = "libargon2.so.1";

  private final MethodHandle argon2Ctx;

  private NativeArgon2(MethodHandle argon2Ctx) {
    this.argon2Ctx = argon2Ctx;
  }

  /** The library, or null when it is not installed or may not be called (then the Java code derives). */
  static NativeArgon2 load() {
    if (!System.getProperty("os.name", "").startsWith("Linux") || ValueLayout.ADDRESS.byteSize() != 8) {
      return null;
    }
    try {
      SymbolLookup library = SymbolLookup.libraryLookup(LIBRARY, Arena.global());
      MethodHandle ctx = Linker.nativeLinker().downcallHandle(library.find("argon2_ctx").orElseThrow(),
          FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
      return new NativeArgon2(ctx);
    } catch (RuntimeException | LinkageError e) {
      return null; // not installed, no such function, or no native access granted
    }
  }

  /**
   * Writes the Argon2id tag into {@code tag}; false (and {@code tag} untouched) when the library
   * refuses inputs the Java code accepts (a salt shorter than 8 bytes), or fails.
   */
  boolean derive(Argon2id params, byte[] password, byte[] salt, byte[] key, byte[] associated, byte[] tag, int threads) {
    if (salt.length < MIN_SALT) {
      return false;
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment pwd = copy(arena, password);
      MemorySegment secret = copy(arena, key);
      MemorySegment out = arena.allocate(tag.length);
      try {
        ByteBuffer c = ByteBuffer.allocate(CONTEXT_BYTES).order(ByteOrder.nativeOrder());
        c.putLong(0, out.address()).putInt(8, tag.length)
            .putLong(16, pwd.address()).putInt(24, password.length)
            .putLong(32, copy(arena, salt).address()).putInt(40, salt.length)
            .putLong(48, secret.address()).putInt(56, key.length)
            .putLong(64, copy(arena, associated).address()).putInt(72, associated.length)
            .putInt(76, params.iterations()).putInt(80, params.memoryKiB()).putInt(84, params.parallelism())
            .putInt(88, threads).putInt(92, VERSION_13); // allocate_cbk, free_cbk and flags stay 0: malloc, free, no flags
        MemorySegment context = arena.allocate(CONTEXT_BYTES, 8);
        MemorySegment.copy(c.array(), 0, context, ValueLayout.JAVA_BYTE, 0, CONTEXT_BYTES);
        if ((int) argon2Ctx.invokeExact(context, ARGON2_ID) != 0) {
          return false;
        }
        MemorySegment.copy(out, ValueLayout.JAVA_BYTE, 0, tag, 0, tag.length);
        return true;
      } catch (Throwable e) {
        return false;
      } finally {
        pwd.fill((byte) 0);
        secret.fill((byte) 0);
        out.fill((byte) 0);
      }
    }
  }

  /** A copy of {@code bytes} in native memory (one byte long when empty: every field gets an address). */
  private static MemorySegment copy(Arena arena, byte[] bytes) {
    MemorySegment s = arena.allocate(Math.max(1, bytes.length));
    MemorySegment.copy(bytes, 0, s, ValueLayout.JAVA_BYTE, 0, bytes.length);
    return s;
  }
}
