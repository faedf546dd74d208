package org.kho.storage.vfs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How to log in to a remote target and how to know it is the right server. The secrets are read
 * by the caller from files or the environment; {@link #toString()} never shows them.
 *
 * @param password the login password, if the server takes one
 * @param privateKey an SSH private key (OpenSSH or PEM text, unencrypted), for SFTP
 * @param knownHosts the known_hosts file holding the SFTP server's host key; required for SFTP
 * @param trustedCertificates a PEM file of the certificates (or CA) to trust for FTPS; when empty,
 *     the JDK's trusted authorities
 * @param timeout how long a connection attempt or an unanswered server may take before the
 *     operation fails (and may be retried)
 */
public record RemoteAccess(Optional<String> password, Optional<byte[]> privateKey, Optional<Path> knownHosts,
    Optional<Path> trustedCertificates, Duration timeout) {
  /** Thirty seconds to connect or to hear from a server that should be answering. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public RemoteAccess {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive");
    }
  }

  @Override
  public String toString() {
    return "RemoteAccess[password=" + (password.isPresent() ? "***" : "none") + ", privateKey="
        + (privateKey.isPresent() ? "***" : "none") + ", knownHosts=" + knownHosts.map(Path::toString).orElse("none")
        + ", trustedCertificates=" + trustedCertificates.map(Path::toString).orElse("none") + ", timeout=" + timeout + "]";
  }
}
