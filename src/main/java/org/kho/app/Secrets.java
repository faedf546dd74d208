package org.kho.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.kho.catalogue.SecretRef;
import org.kho.core.KhoException;

/** Reads a secret where a {@link SecretRef} says it is, at the moment it is needed. */
final class Secrets {
  private final Map<String, String> env;

  Secrets(Map<String, String> env) {
    this.env = env;
  }

  /** The secret's text; messages name where it was looked for, never what it is. */
  String read(SecretRef ref) {
    return switch (ref) {
      case SecretRef.FromFile f -> file(f.file(), ref);
      case SecretRef.FromEnvironment e -> {
        String v = env.get(e.variable());
        if (v == null || v.isEmpty()) {
          throw new KhoException("the " + ref.describe() + " is not set", "set it in the environment of the Kho process");
        }
        yield v;
      }
      case SecretRef.FromSystemdCredential c -> file(Path.of(credentialsDirectory(ref), c.name()), ref);
    };
  }

  /** The secret's whole content as bytes (a private key file, say); messages never show it. */
  byte[] bytes(SecretRef ref) {
    return switch (ref) {
      case SecretRef.FromFile f -> fileBytes(f.file(), ref);
      case SecretRef.FromEnvironment e -> read(ref).getBytes(StandardCharsets.UTF_8);
      case SecretRef.FromSystemdCredential c -> fileBytes(Path.of(credentialsDirectory(ref), c.name()), ref);
    };
  }

  private static byte[] fileBytes(Path p, SecretRef ref) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new KhoException("cannot read the " + ref.describe() + " (" + e.getClass().getSimpleName() + ")",
          "check that it exists and that the Kho user may read it");
    }
  }

  /** The agency signing key where {@code ref} says: a private file, a systemd credential, or PEM text in a variable. */
  org.kho.crypto.SigningKey signingKey(SecretRef ref) {
    return switch (ref) {
      case SecretRef.FromFile f -> org.kho.crypto.SigningKey.read(f.file());
      case SecretRef.FromSystemdCredential c -> org.kho.crypto.SigningKey.read(Path.of(credentialsDirectory(ref), c.name()));
      case SecretRef.FromEnvironment e -> org.kho.crypto.SigningKey.parse(read(ref), "the " + ref.describe());
    };
  }

  private String credentialsDirectory(SecretRef ref) {
    String dir = env.get("CREDENTIALS_DIRECTORY");
    if (dir == null) {
      throw new KhoException("the " + ref.describe() + " is not available: $CREDENTIALS_DIRECTORY is not set",
          "run Kho from its systemd unit with LoadCredential=NAME:PATH");
    }
    return dir;
  }

  private static String file(Path p, SecretRef ref) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8).lines().findFirst().orElse("");
    } catch (IOException e) {
      throw new KhoException("cannot read the " + ref.describe() + " (" + e.getClass().getSimpleName() + ")",
          "check that it exists and that the Kho user may read it");
    }
  }
}
