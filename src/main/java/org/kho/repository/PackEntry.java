package org.kho.repository;

/** Where one blob is inside a pack: its sealed bytes are {@code [offset, offset+length)}. */
record PackEntry(BlobType type, BlobId id, int offset, int length, int rawLength) {
  /** Bytes of one entry in a pack header or index file: type, id, offset, length, raw length. */
  static final int BYTES = 1 + BlobId.BYTES + 4 + 4 + 4;

  void write(java.nio.ByteBuffer out) {
    out.put(type.code()).put(id.raw()).putInt(offset).putInt(length).putInt(rawLength);
  }

  static PackEntry read(java.nio.ByteBuffer in) {
    BlobType type = BlobType.ofCode(in.get());
    byte[] id = new byte[BlobId.BYTES];
    in.get(id);
    return new PackEntry(type, BlobId.of(id), in.getInt(), in.getInt(), in.getInt());
  }
}
