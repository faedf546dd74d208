package org.kho.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.kho.catalogue.SecretRef;
import org.kho.catalogue.Target;
import org.kho.repository.RepositoryException;
import org.kho.storage.BandwidthLimitedStorage;
import org.kho.storage.ConcurrencyLimitedStorage;
import org.kho.storage.RetryingStorage;
import org.kho.storage.Storage;
import org.kho.storage.StorageException;
import org.kho.storage.Ticker;
import org.kho.storage.local.LocalStorage;
import org.kho.storage.vfs.RemoteAccess;
import org.kho.storage.vfs.RemoteUrl;
import org.kho.storage.vfs.RemoteStorage;

/**
 * Opens the storage a repository location names: a local folder, or an {@code sftp://} or
 * {@code ftps://} URL. A remote target comes wrapped in its decorators, innermost first: the
 * bandwidth limit (if any), the connection limit, and retries of transient failures.
 */
public final class Targets {
  /** Parallel operations on an SFTP target unless told otherwise: channels over one SSH login. */
  static final int SFTP_CONNECTIONS = 4;
  /** Parallel operations on an FTPS target unless told otherwise: each one a TLS connection and login. */
  static final int FTPS_CONNECTIONS = 2;
  private final Secrets secrets;

  public Targets(Map<String, String> env) {
    this(new Secrets(env));
  }

  Targets(Secrets secrets) {
    this.secrets = secrets;
  }

  /**
   * How to reach a remote location (ignored for a folder). Secrets are references, read only when
   * the target is opened.
   */
  public record Remote(Optional<SecretRef> password, Optional<SecretRef> privateKey, Optional<Path> knownHosts,
      Optional<Path> trustedCertificates, Target.Limits limits) {
    public static final Remote NONE = new Remote(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Target.Limits.NONE);

    /** What a catalogue target says. */
    public static Remote of(Target.Remote target) {
      return new Remote(target.password(), target.privateKey(), target.knownHosts(), target.trustedCertificates(),
          target.limits());
    }
  }

  /** The existing repository at {@code location}. */
  public Storage open(String location, Remote remote) {
    if (RemoteUrl.isRemote(location)) {
      return decorate(RemoteStorage.open(RemoteUrl.parse(location), access(remote)), RemoteUrl.parse(location), remote);
    }
    Path dir = Path.of(location);
    if (!Files.isDirectory(dir)) {
      throw new RepositoryException.NotFound(dir.toString(), "the folder does not exist");
    }
    return LocalStorage.open(dir);
  }

  /** The storage of a catalogue target's repository. */
  public Storage open(Target target) {
    return switch (target) {
      case Target.Local local -> open(local.path().toString(), Remote.NONE);
      case Target.Remote remote -> open(urlWithUser(remote), Remote.of(remote));
    };
  }

  /** Where a new repository goes: a new or empty folder or remote folder, made ready for objects. */
  public Storage create(String location, Remote remote) {
    if (RemoteUrl.isRemote(location)) {
      return decorate(RemoteStorage.create(RemoteUrl.parse(location), access(remote)), RemoteUrl.parse(location), remote);
    }
    Path dir = Path.of(location);
    return !Files.exists(dir) || isEmpty(dir) ? LocalStorage.create(dir) : LocalStorage.open(dir);
  }

  private static boolean isEmpty(Path dir) {
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new StorageException("cannot read the folder " + dir + " (" + e.getMessage() + ")",
          "check the path and its permissions", e);
    }
  }

  private RemoteAccess access(Remote remote) {
    return new RemoteAccess(remote.password().map(secrets::read), remote.privateKey().map(secrets::bytes),
        remote.knownHosts(), remote.trustedCertificates(), RemoteAccess.DEFAULT_TIMEOUT);
  }

  private static Storage decorate(Storage storage, RemoteUrl url, Remote remote) {
    Storage limited = storage;
    if (remote.limits().bytesPerSecond().isPresent()) {
      limited = new BandwidthLimitedStorage(limited, remote.limits().bytesPerSecond().getAsLong(), Ticker.SYSTEM);
    }
    int connections = remote.limits().connections()
        .orElse(url.scheme() == RemoteUrl.Scheme.SFTP ? SFTP_CONNECTIONS : FTPS_CONNECTIONS);
    limited = new ConcurrencyLimitedStorage(limited, connections);
    return new RetryingStorage(limited, RetryingStorage.Policy.defaults(), Ticker.SYSTEM, new Random());
  }

  /** The target's URL with its {@code user:} written in, when the URL names none. */
  private static String urlWithUser(Target.Remote target) {
    String url = target.url().toString();
    if (target.url().getUserInfo() != null || target.user().isEmpty()) {
      return url;
    }
    return url.replaceFirst("://", "://" + target.user().get() + "@");
  }
}
