package org.kho.repository;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** The plaintext of an {@code index/} object: packs and the blobs in each (see FORMAT.md). */
final class IndexFile {
  static final byte[] MAGIC = "KHOIDX1\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] AAD = "kho index v1".getBytes(StandardCharsets.US_ASCII);

  private IndexFile() {}

  /** One pack as an index file lists it. */
  record Pack(String name, byte[] salt, List<PackEntry> entries) {}

  static byte[] encode(List<Pack> packs) {
    int size = MAGIC.length + 4;
    for (Pack p : packs) {
      size += 32 + PackBuilder.SALT_BYTES + 4 + p.entries().size() * PackEntry.BYTES;
    }
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).putInt(packs.size());
    for (Pack p : packs) {
      b.put(HexFormat.of().parseHex(p.name())).put(p.salt()).putInt(p.entries().size());
      p.entries().forEach(e -> e.write(b));
    }
    return b.array();
  }

  static List<Pack> decode(byte[] plain, String object) {
    List<Pack> packs = new ArrayList<>();
    read(plain, object, (name, salt, in, count) -> {
      List<PackEntry> entries = new ArrayList<>(count);
      for (int j = 0; j < count; j++) {
        entries.add(PackEntry.read(in));
      }
      packs.add(new Pack(name, salt, entries));
    });
    return packs;
  }

  /** Receives the packs of an index object, one by one. */
  interface PackSink {
    /**
     * Takes pack {@code name}: {@code in} is positioned at its {@code count} entries, little-endian,
     * {@value PackEntry#BYTES} bytes each (see {@link PackEntry#read}); read them all, and only them.
     */
    void pack(String name, byte[] salt, ByteBuffer in, int count);
  }

  /**
   * Hands the packs of index object {@code plain} to {@code reader} in the order stored, without an
   * object per entry (the index load of a large repository reads millions). The whole object is
   * checked first, so a malformed one gives the reader nothing.
   *
   * @throws RepositoryException.Damaged if it is not a well-formed index object
   */
  static void read(byte[] plain, String object, PackSink reader) {
    ByteBuffer b = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
    int count = packCount(b, object);
    try {
      int first = b.position();
      for (int i = 0; i < count; i++) { // the check: every pack's entries are there
        b.position(b.position() + PACK_PREFIX - 4);
        int n = b.getInt();
        if (n < 0) {
          throw new IllegalArgumentException("negative entry count");
        }
        b.position(Math.addExact(b.position(), Math.multiplyExact(n, PackEntry.BYTES)));
      }
      b.position(first);
      for (int i = 0; i < count; i++) {
        byte[] name = new byte[32];
        byte[] salt = new byte[PackBuilder.SALT_BYTES];
        b.get(name).get(salt);
        int n = b.getInt();
        int end = b.position() + n * PackEntry.BYTES;
        reader.pack(HexFormat.of().formatHex(name), salt, b, n);
        if (b.position() != end) {
          throw new IllegalStateException("the reader of pack " + HexFormat.of().formatHex(name) + " read "
              + (b.position() - end + n * PackEntry.BYTES) + " bytes of its " + n * PackEntry.BYTES);
        }
      }
    } catch (BufferUnderflowException | IllegalArgumentException | ArithmeticException e) {
      throw new RepositoryException.Damaged("index " + object + " is truncated or malformed", e);
    }
  }

  /** Bytes before a pack's entries: its name, salt and entry count. */
  private static final int PACK_PREFIX = 32 + PackBuilder.SALT_BYTES + 4;

  private static int packCount(ByteBuffer b, String object) {
    if (b.remaining() < MAGIC.length + 4) {
      throw new RepositoryException.Damaged("index " + object + " is truncated or malformed", null);
    }
    byte[] magic = new byte[MAGIC.length];
    b.get(magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new RepositoryException.Damaged("index " + object + " has an unknown format", null);
    }
    int count = b.getInt();
    if (count < 0) {
      throw new RepositoryException.Damaged("index " + object + " is truncated or malformed", null);
    }
    return count;
  }
}
