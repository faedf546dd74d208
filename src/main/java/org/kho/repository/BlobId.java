package org.kho.repository;

import java.util.Arrays;
import java.util.HexFormat;

/** A blob's id: HMAC-SHA256 of its plaintext under the repository's id key (32 bytes). */
public final class BlobId implements Comparable<BlobId> {
  public static final int BYTES = 32;
  private final byte[] bytes;

  private BlobId(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps {@code bytes} (copied). */
  public static BlobId of(byte[] bytes) {
    return of(bytes, 0);
  }

  public static BlobId of(byte[] bytes, int off) {
    if (bytes.length - off < BYTES) {
      throw new IllegalArgumentException("a blob id has 32 bytes");
    }
    return new BlobId(Arrays.copyOfRange(bytes, off, off + BYTES));
  }

  /** Parses 64 hex digits; throws {@link IllegalArgumentException} otherwise. */
  public static BlobId parse(String hex) {
    if (hex == null || hex.length() != 2 * BYTES) {
      throw new IllegalArgumentException("a blob id has 64 hex digits: " + hex);
    }
    return new BlobId(HexFormat.of().parseHex(hex));
  }

  /** The raw bytes; do not modify. */
  byte[] raw() {
    return bytes;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  /** The first 8 hex digits, for messages. */
  public String shortHex() {
    return hex().substring(0, 8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlobId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
  }

  @Override
  public int compareTo(BlobId o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
