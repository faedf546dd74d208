package org.kho.repository;

/**
 * What a blob holds. The {@link #code} is the byte that stands for the type in pack headers and
 * index files (see FORMAT.md); codes never change once written.
 */
public enum BlobType {
  /** A chunk of file content. */
  DATA(0),
  /** A serialised directory tree of a snapshot. */
  TREE(1);

  private final byte code;

  BlobType(int code) {
    this.code = (byte) code;
  }

  public byte code() {
    return code;
  }

  /**
   * The type written as {@code code}.
   *
   * @throws IllegalArgumentException if no type has that code
   */
  public static BlobType ofCode(int code) {
    for (BlobType type : ALL) {
      if (type.code == code) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown blob type code " + code);
  }

  /** {@link #values()} without a new array per call: the index load looks up a type per blob. */
  private static final BlobType[] ALL = values();
}
