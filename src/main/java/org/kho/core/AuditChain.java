package org.kho.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * How the audit log chains its entries, shared by the state store that writes the chain and the
 * evidence bundle that lets an auditor check a segment of it offline: each entry's hash is the
 * SHA-256 over the previous entry's hash and the entry's fields, each field as its UTF-8 bytes
 * prefixed by their length (4 bytes, big-endian), in this order: previous hash, sequence number
 * (decimal), time (epoch milliseconds, decimal), actor, action, subject, detail.
 */
public final class AuditChain {
  /** The "previous hash" of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /** The hash of the entry with these fields, following the entry whose hash is {@code previous}. */
  public static String hash(String previous, long seq, long atMillis, String actor, String action, String subject,
      String detail) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("the JDK has no SHA-256", ex);
    }
    for (String field : List.of(previous, Long.toString(seq), Long.toString(atMillis), actor, action, subject, detail)) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
      sha.update(bytes);
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
