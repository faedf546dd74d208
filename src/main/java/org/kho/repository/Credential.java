package org.kho.repository;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a user presents to open a repository: a passphrase (which may also be a recovery key) or
 * the contents of a key file. {@link #toString()} never shows the secret.
 */
public final class Credential {
  /** How the secret was given. */
  public enum Kind { PASSPHRASE, KEY_FILE }

  private final Kind kind;
  private final byte[] secret;

  private Credential(Kind kind, byte[] secret) {
    this.kind = kind;
    this.secret = secret;
  }

  /** A passphrase as read from a file or the environment; one trailing newline is dropped. */
  public static Credential passphrase(String text) {
    String t = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
        : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    if (t.isEmpty()) {
      throw new IllegalArgumentException("the password is empty");
    }
    return new Credential(Kind.PASSPHRASE, t.getBytes(StandardCharsets.UTF_8));
  }

  /** The bytes of a key file. */
  public static Credential keyFile(byte[] contents) {
    return new Credential(Kind.KEY_FILE, contents.clone());
  }

  public Kind kind() {
    return kind;
  }

  byte[] secret() {
    return secret;
  }

  /** The passphrase read as a recovery key (64 hex digits, dashes and spaces ignored), if it is one. */
  java.util.Optional<byte[]> asRecoveryKey() {
    if (kind != Kind.PASSPHRASE) {
      return java.util.Optional.empty();
    }
    String hex = new String(secret, StandardCharsets.UTF_8).replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    return hex.matches("[0-9a-f]{64}") ? java.util.Optional.of(java.util.HexFormat.of().parseHex(hex)) : java.util.Optional.empty();
  }

  @Override
  public String toString() {
    return "Credential[" + kind + ", secret hidden]";
  }
}
