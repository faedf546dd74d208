package org.kho.catalogue;

/**
 * Where a secret is kept; never the secret itself. Reading it is the job of whoever needs it
 * (the storage or repository layer), at the moment it is needed.
 */
public sealed interface SecretRef {
  /** A file holding the secret (its first line, trailing newline removed). */
  record FromFile(java.nio.file.Path file) implements SecretRef {}

  /** An environment variable of the Kho process. */
  record FromEnvironment(String variable) implements SecretRef {}

  /** A systemd credential ({@code LoadCredential=}), read from {@code $CREDENTIALS_DIRECTORY}. */
  record FromSystemdCredential(String name) implements SecretRef {}

  /** A short description for listings: says where, never what. */
  default String describe() {
    return switch (this) {
      case FromFile f -> "file " + f.file();
      case FromEnvironment e -> "environment variable " + e.variable();
      case FromSystemdCredential c -> "systemd credential " + c.name();
    };
  }
}
