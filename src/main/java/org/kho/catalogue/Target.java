package org.kho.catalogue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.kho.core.TargetId;

/**
 * Storage that holds a repository: a local or external-disk folder, or a remote URL.
 * Credentials are references ({@link SecretRef}), never values.
 */
public sealed interface Target {
  TargetId id();

  String description();

  Media media();

  /** Where the repository's password is kept; empty until the repository issue needs it. */
  Optional<SecretRef> repositoryPassword();

  /** When the target's repository is checked, if scheduled. */
  Optional<Maintenance> check();

  /** When unreferenced data is pruned from the target, if scheduled. */
  Optional<Maintenance> prune();

  /** A folder on a local or external disk. */
  record Local(TargetId id, String description, Path path, Media media, Optional<SecretRef> repositoryPassword,
      Optional<Maintenance> check, Optional<Maintenance> prune) implements Target {}

  /**
   * A remote store reached through a URL ({@code sftp://}, {@code ftps://}): who logs in and how,
   * how the server is recognised (SFTP host key, FTPS certificate), and how hard Kho may use it.
   */
  record Remote(TargetId id, String description, URI url, Optional<String> user, Optional<SecretRef> password,
      Optional<SecretRef> privateKey, Optional<Path> knownHosts, Optional<Path> trustedCertificates, Limits limits,
      Media media, Optional<SecretRef> repositoryPassword, Optional<Maintenance> check, Optional<Maintenance> prune)
      implements Target {}

  /** How hard Kho may use a remote target: parallel connections, and bytes per second if capped. */
  record Limits(OptionalInt connections, OptionalLong bytesPerSecond) {
    public static final Limits NONE = new Limits(OptionalInt.empty(), OptionalLong.empty());
  }

  /** A scheduled maintenance action on a target. */
  record Maintenance(org.kho.core.ScheduleId schedule, int readDataPercent) {}

  /** Where the target is, for listings. */
  default String location() {
    return switch (this) {
      case Local l -> l.path().toString();
      case Remote r -> r.url().toString();
    };
  }
}
