package org.kho.repository;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.kho.crypto.Aead;
import org.kho.crypto.Sha256;
import org.kho.storage.Storage;

/**
 * Assembles one pack: sealed blobs one after another, then the sealed header, then the trailer
 * (see FORMAT.md). In memory, it fills a buffer it is given and hands that buffer over, unfilled
 * bytes and all, when the pack is finished, so a session recycles a few pack buffers instead of
 * allocating one per pack. {@link #streamed Streamed}, the buffer only stages bytes on their way to
 * an upload to the target, so a pack is never held whole. Not thread-safe.
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
  /** Bytes in {@code buf}, from pack offset {@code spilled} on. */
  private int size;
  /** Streamed: where each pack's bytes go as the buffer fills (null in memory). */
  private final Supplier<Storage.Upload> uploads;
  private Storage.Upload upload;
  /** Streamed: the bytes of this pack already written to {@link #upload}, and their SHA-256. */
  private int spilled;
  private final MessageDigest digest = Sha256.digest();

  /** A builder filling {@code buffer}, best of {@link #TARGET_BYTES} (it grows if a blob needs more). */
  PackBuilder(MasterKey master, byte[] buffer) {
    this(master, buffer, null);
  }

  private PackBuilder(MasterKey master, byte[] buffer, Supplier<Storage.Upload> uploads) {
    this.master = master;
    this.uploads = uploads;
    reset(buffer);
  }

  /**
   * A builder that writes its first pack to {@code first} and each later one to an upload from
   * {@code next} (opened when the pack's first bytes leave {@code staging}), so memory holds only
   * {@code staging} and a blob larger than it. Each {@link Finished} carries its upload, to commit
   * under the pack's name.
   */
  static PackBuilder streamed(MasterKey master, byte[] staging, Storage.Upload first, Supplier<Storage.Upload> next) {
    PackBuilder b = new PackBuilder(master, staging, java.util.Objects.requireNonNull(next, "next"));
    b.upload = first;
    return b;
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
    entries.add(new PackEntry(type, id, spilled + size, len, rawLength));
    size += len;
  }

  /** Starts a new pack in {@code buffer}, with a fresh salt and so a fresh key. */
  private void reset(byte[] buffer) {
    buf = buffer;
    RANDOM.nextBytes(salt);
    key = master.packKey(salt);
    entries.clear();
    size = 0;
    spilled = 0;
    upload = null;
    digest.reset();
  }

  /** Seals {@code stored} (codec byte + payload) as blob {@code id}. */
  void add(BlobType type, BlobId id, byte[] stored, int storedLength, int rawLength) {
    int sealedLength = Aead.sealedLength(storedLength);
    if (uploads != null && sealedLength > buf.length) { // streamed and larger than the buffer: sealed apart
      spill();
      byte[] sealed = key.seal(stored, 0, storedLength, aad(type, id));
      write(sealed, sealed.length);
      entries.add(new PackEntry(type, id, spilled, sealed.length, rawLength));
      spilled += sealed.length;
      return;
    }
    ensure(sealedLength);
    int n = key.seal(stored, 0, storedLength, aad(type, id), buf, size);
    entries.add(new PackEntry(type, id, spilled + size, n, rawLength));
    size += n;
  }

  /** The buffer bytes are gathered in now. */
  byte[] buffer() {
    return buf;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Whether adding a blob of {@code stored} bytes would take the pack past its size. */
  boolean wouldOverflow(int stored) {
    return !entries.isEmpty() && spilled + size + Aead.sealedLength(stored) > TARGET_BYTES;
  }

  /**
   * The finished pack: its name (SHA-256 of its bytes), salt and entries, and its bytes: in memory
   * {@code buffer[0, length)}, the buffer the caller's again once the pack is stored; streamed,
   * written to {@code upload} (else null), to commit under the name.
   */
  record Finished(String name, byte[] buffer, int length, byte[] salt, List<PackEntry> entries,
      Storage.Upload upload) {}

  /**
   * Closes the pack and returns it; the builder then starts the next one in {@code next} (streamed,
   * the same buffer may go on: its bytes have left).
   */
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
    if (uploads != null) {
      spill();
    }
    digest.update(buf, 0, size);
    String name = HexFormat.of().formatHex(digest.digest());
    Finished done = new Finished(name, buf, spilled + size, salt.clone(), List.copyOf(entries), upload);
    reset(next);
    return done;
  }

  /** Streamed: gives up the pack being built, its upload discarded. */
  void discard() {
    if (upload != null) {
      upload.close();
    }
    reset(buf);
  }

  /** The associated data of a blob: its type and id, so no blob can pass for another. */
  static byte[] aad(BlobType type, BlobId id) {
    byte[] aad = new byte[1 + BlobId.BYTES];
    aad[0] = type.code();
    System.arraycopy(id.raw(), 0, aad, 1, BlobId.BYTES);
    return aad;
  }

  private void ensure(int more) {
    if (size + more > buf.length && uploads != null) {
      spill();
    }
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, size + more);
    }
  }

  /** Streamed: writes the buffered bytes to the pack's upload, emptying the buffer. */
  private void spill() {
    write(buf, size);
    spilled += size;
    size = 0;
  }

  private void write(byte[] bytes, int length) {
    if (length == 0) {
      return;
    }
    if (upload == null) {
      upload = uploads.get();
    }
    upload.write(bytes, 0, length);
    digest.update(bytes, 0, length);
  }
}
