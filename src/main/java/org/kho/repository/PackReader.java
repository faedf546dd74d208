package org.kho.repository;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kho.crypto.AuthenticationFailedException;

/** Reads a pack's header from its trailer: how the index is rebuilt and how check verifies packs. */
final class PackReader {
  private PackReader() {}

  /** The pack's salt and entries, from its last bytes. */
  record Header(byte[] salt, List<PackEntry> entries) {}

  /** Where the sealed header is, from the trailer (the pack's last {@link PackBuilder#TRAILER_BYTES}). */
  record Trailer(byte[] salt, int headerLength) {}

  static Trailer trailer(byte[] tail, String pack) {
    return trailer(tail, tail.length, pack);
  }

  /** The trailer of a pack whose last byte is {@code tail[end - 1]}. */
  static Trailer trailer(byte[] tail, int end, String pack) {
    if (end < PackBuilder.TRAILER_BYTES) {
      throw damaged(pack, "is shorter than a pack trailer");
    }
    ByteBuffer b = ByteBuffer.wrap(tail, end - PackBuilder.TRAILER_BYTES, PackBuilder.TRAILER_BYTES)
        .order(ByteOrder.LITTLE_ENDIAN);
    byte[] salt = new byte[PackBuilder.SALT_BYTES];
    b.get(salt);
    int length = b.getInt();
    byte[] magic = new byte[PackBuilder.MAGIC.length];
    b.get(magic);
    if (!Arrays.equals(magic, PackBuilder.MAGIC) || length < 0) {
      throw damaged(pack, "has no valid pack trailer (bad magic or header length)");
    }
    return new Trailer(salt, length);
  }

  /** Opens the sealed header bytes. */
  static Header header(MasterKey master, Trailer trailer, byte[] sealed, int off, int len, String pack) {
    byte[] plain;
    try {
      plain = master.packKey(trailer.salt()).open(sealed, off, len, PackBuilder.HEADER_AAD);
    } catch (AuthenticationFailedException e) {
      throw damaged(pack, "has a header that fails authentication (altered or truncated)");
    }
    ByteBuffer b = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
    int count = b.getInt();
    if (count < 0 || (long) count * PackEntry.BYTES != b.remaining()) {
      throw damaged(pack, "has a header whose entry count does not match its size");
    }
    List<PackEntry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      entries.add(PackEntry.read(b));
    }
    return new Header(trailer.salt(), entries);
  }

  /** The header of a whole pack held in memory, {@code pack[0, length)}. */
  static Header header(MasterKey master, byte[] pack, int length, String name) {
    Trailer t = trailer(pack, length, name);
    int start = length - PackBuilder.TRAILER_BYTES - t.headerLength();
    if (start < 0) {
      throw damaged(name, "claims a header longer than the pack");
    }
    return header(master, t, pack, start, t.headerLength(), name);
  }

  static RepositoryException.Damaged damaged(String pack, String what) {
    return new RepositoryException.Damaged("pack " + pack + " " + what, null);
  }
}
