package org.kho.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.kho.crypto.SigningKey;
import picocli.CommandLine.Option;

/** {@code --signing-key FILE}: the agency's Ed25519 key that signs what this run writes. */
final class SigningOption {
  @Option(names = "--signing-key", paramLabel = "FILE", defaultValue = "${env:KHO_SIGNING_KEY_FILE}",
      description = "The agency signing key (from 'kho key signing-init') that signs the snapshot. "
          + "Default: $KHO_SIGNING_KEY_FILE. Without one the snapshot is unsigned (and said so).")
  Path file;

  Optional<SigningKey> key() {
    return Optional.ofNullable(file).map(SigningKey::read);
  }
}
