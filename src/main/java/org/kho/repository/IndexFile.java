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
    try {
      ByteBuffer b = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
      byte[] magic = new byte[MAGIC.length];
      b.get(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new RepositoryException.Damaged("index " + object + " has an unknown format", null);
      }
      int count = b.getInt();
      List<Pack> packs = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        byte[] name = new byte[32];
        byte[] salt = new byte[PackBuilder.SALT_BYTES];
        b.get(name).get(salt);
        int n = b.getInt();
        List<PackEntry> entries = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
          entries.add(PackEntry.read(b));
        }
        packs.add(new Pack(HexFormat.of().formatHex(name), salt, entries));
      }
      return packs;
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new RepositoryException.Damaged("index " + object + " is truncated or malformed", e);
    }
  }
}
