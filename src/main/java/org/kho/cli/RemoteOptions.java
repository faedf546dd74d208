package org.kho.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.kho.app.Targets;
import org.kho.catalogue.SecretRef;
import org.kho.catalogue.Target;
import org.kho.core.ByteRate;
import org.kho.core.UsageException;
import picocli.CommandLine.Option;

/**
 * How to reach a repository given as an {@code sftp://} or {@code ftps://} URL. The login password
 * comes from a file or the environment, never from the command line.
 */
final class RemoteOptions {
  @Option(names = "--known-hosts", paramLabel = "FILE", defaultValue = "${env:KHO_KNOWN_HOSTS}",
      description = "SFTP: the known_hosts file holding the server's host key (required; fill it with "
          + "ssh-keyscan -p PORT HOST and check the fingerprint). Default: $KHO_KNOWN_HOSTS.")
  Path knownHosts;

  @Option(names = "--identity-file", paramLabel = "FILE", defaultValue = "${env:KHO_IDENTITY_FILE}",
      description = "SFTP: log in with this private key (unencrypted OpenSSH or PEM). Default: $KHO_IDENTITY_FILE.")
  Path identityFile;

  @Option(names = "--remote-password-file", paramLabel = "FILE", defaultValue = "${env:KHO_REMOTE_PASSWORD_FILE}",
      description = "Log in to the SFTP or FTPS server with the password in FILE. "
          + "Default: $KHO_REMOTE_PASSWORD_FILE, then $KHO_REMOTE_PASSWORD.")
  Path passwordFile;

  @Option(names = "--trusted-certificates", paramLabel = "FILE", defaultValue = "${env:KHO_TRUSTED_CERTIFICATES}",
      description = "FTPS: trust the server certificate (or CA) in this PEM file instead of the JDK's authorities. "
          + "Default: $KHO_TRUSTED_CERTIFICATES.")
  Path trustedCertificates;

  @Option(names = "--bandwidth", paramLabel = "RATE", defaultValue = "${env:KHO_BANDWIDTH}",
      description = "Remote targets: move at most RATE bytes per second, e.g. 10MiB/s or 500k. Default: $KHO_BANDWIDTH, "
          + "else unlimited.")
  String bandwidth;

  @Option(names = "--connections", paramLabel = "N", defaultValue = "${env:KHO_CONNECTIONS}",
      description = "Remote targets: at most N operations at once (default 4 for sftp, 2 for ftps). "
          + "Default: $KHO_CONNECTIONS.")
  Integer connections;

  Targets.Remote remote() {
    if (connections != null && (connections < 1 || connections > 16)) {
      throw new UsageException("--connections " + connections + " is out of range", "give a number from 1 to 16");
    }
    Optional<SecretRef> password = Optional.ofNullable(passwordFile).<SecretRef>map(SecretRef.FromFile::new)
        .or(() -> Optional.ofNullable(System.getenv("KHO_REMOTE_PASSWORD")).filter(v -> !v.isEmpty())
            .map(v -> new SecretRef.FromEnvironment("KHO_REMOTE_PASSWORD")));
    Target.Limits limits = new Target.Limits(connections == null ? OptionalInt.empty() : OptionalInt.of(connections),
        bandwidth == null || bandwidth.isBlank() ? OptionalLong.empty()
            : OptionalLong.of(ByteRate.parse(bandwidth).bytesPerSecond()));
    return new Targets.Remote(password, Optional.ofNullable(identityFile).map(SecretRef.FromFile::new),
        Optional.ofNullable(knownHosts), Optional.ofNullable(trustedCertificates), limits);
  }
}
