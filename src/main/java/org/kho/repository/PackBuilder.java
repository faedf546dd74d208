package org.kho.repository;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.kho.crypto.Aead;
import org.kho.crypto.Sha256;

/**
 * Assembles one pack in memory: sealed blobs one after another, then the sealed header, then the
 * trailer (see FORMAT.md). It fills a buffer it is given and hands that buffer over, unfilled
 * bytes and all, when the pack is finished, so a session recycles a few pack buffers instead of
 * allocating one per pack. Not thread-safe.
 */
final class PackBuilder {
  /** A pack is closed before a blob would take it past this size (a lone larger blob gets its own pack). */
  static final int TARGET_BYTES = 16 << 20;
  static final byte[] MAGIC = "KHOPACK1".getBytes(StandardCharsets.US_ASCII);
  static final int SALT_BYTES = 16;
  static final int TRAILER_BYTES = SALT_BYTES + 4 + MAGIC.length;
  static final byte[] HEADER_AAD = "kho pack header v1".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MasterKey master;
  private final byte[] salt = new byte[SALT_BYTES];
  private Aead key;
  private final List<PackEntry> entries = new ArrayList<>();
  private byte[] buf;
  private int size;

  /** A builder filling {@code buffer}, best of {@link #TARGET_BYTES} (it grows if a blob needs more). */
  PackBuilder(MasterKey master, byte[] buffer) {
    this.master = master;
    reset(buffer);
  }

  /**
   * A builder whose (first) pack uses {@code salt}, and so the key of the source pack with that
   * salt: blobs sealed in that pack can be added as they are with {@link #addSealed}. For copies
   * between repositories that share their master key.
   */
  static PackBuilder withSalt(MasterKey master, byte[] salt) {
    PackBuilder b = new PackBuilder(master, new byte[TARGET_BYTES]);
    System.arraycopy(salt, 0, b.salt, 0, SALT_BYTES);
    b.key = master.packKey(salt);
    return b;
  }

  /** Adds a blob already sealed under this pack's key ({@code buf[off, off+len)}, verified by the caller). */
  void addSealed(BlobType type, BlobId id, byte[] buf, int off, int len, int rawLength) {
    ensure(len);
    System.arraycopy(buf, off, this.buf, size, len);
    entries.add(new PackEntry(type, id, size, len, rawLength));
    size += len;
  }

  /** Starts a new pack in {@code buffer}, with a fresh salt and so a fresh key. */
  private void reset(byte[] buffer) {
    buf = buffer;
    RANDOM.nextBytes(salt);
    key = master.packKey(salt);
    entries.clear();
    size = 0;
  }

  /** Seals {@code stored} (codec byte + payload) as blob {@code id}. */
  void add(BlobType type, BlobId id, byte[] stored, int storedLength, int rawLength) {
    ensure(Aead.sealedLength(storedLength));
    int n = key.seal(stored, 0, storedLength, aad(type, id), buf, size);
    entries.add(new PackEntry(type, id, size, n, rawLength));
    size += n;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Whether adding a blob of {@code stored} bytes would take the pack past its size. */
  boolean wouldOverflow(int stored) {
    return !entries.isEmpty() && size + Aead.sealedLength(stored) > TARGET_BYTES;
  }

  /**
   * The finished pack: its bytes {@code buffer[0, length)}, its name (SHA-256 of them), its salt and
   * entries. The buffer is the caller's again once the pack is stored.
   */
  record Finished(String name, byte[] buffer, int length, byte[] salt, List<PackEntry> entries) {}

  /** Closes the pack and returns it; the builder then starts the next one in {@code next}. */
  Finished finish(byte[] next) {
    ByteBuffer header = ByteBuffer.allocate(4 + entries.size() * PackEntry.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(entries.size());
    entries.forEach(e -> e.write(header));
    byte[] sealedHeader = key.seal(header.array(), 0, header.capacity(), HEADER_AAD);
    ensure(sealedHeader.length + TRAILER_BYTES);
    System.arraycopy(sealedHeader, 0, buf, size, sealedHeader.length);
    size += sealedHeader.length;
    ByteBuffer trailer = ByteBuffer.wrap(buf, size, TRAILER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    trailer.put(salt).putInt(sealedHeader.length).put(MAGIC);
    size += TRAILER_BYTES;
    String name = HexFormat.of().formatHex(Sha256.of(buf, 0, size));
    Finished done = new Finished(name, buf, size, salt.clone(), List.copyOf(entries));
    reset(next);
    return done;
  }

  /** The associated data of a blob: its type and id, so no blob can pass for another. */
  static byte[] aad(BlobType type, BlobId id) {
    byte[] aad = new byte[1 + BlobId.BYTES];
    aad[0] = type.code();
    System.arraycopy(id.raw(), 0, aad, 1, BlobId.BYTES);
    return aad;
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, size + more);
    }
  }
}
