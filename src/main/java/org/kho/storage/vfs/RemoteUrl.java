package org.kho.storage.vfs;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.kho.core.UsageException;

/**
 * Where a remote repository is: {@code sftp://user@host:port/path} or {@code ftps://user@host:port/path}.
 * The path is absolute on the server (not relative to the login folder). A URL never carries a
 * password: one written into it is refused, so that it cannot leak into listings or logs.
 */
public record RemoteUrl(Scheme scheme, String user, String host, int port, String path) {
  /** The protocols Kho reaches remote targets by. */
  public enum Scheme {
    /** SSH file transfer; host keys verified against a known_hosts file. */
    SFTP(22),
    /** FTP with explicit TLS (AUTH TLS); server certificates verified. */
    FTPS(21);

    private final int defaultPort;

    Scheme(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    public String prefix() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether {@code location} names a remote repository (rather than a local folder). */
  public static boolean isRemote(String location) {
    return location != null && location.matches("(?i)(sftp|ftps)://.*");
  }

  /** Reads {@code text}; a clear usage error says what is wrong with it. */
  public static RemoteUrl parse(String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw bad(text, "it is not a valid URL (" + e.getReason() + ")");
    }
    String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
    if (!scheme.equals("sftp") && !scheme.equals("ftps")) {
      throw bad(text, "Kho reaches remote targets by sftp:// or ftps://");
    }
    if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
      throw new UsageException("the repository URL contains a password (not shown here)",
          "remove it from the URL and give it with --remote-password-file or KHO_REMOTE_PASSWORD");
    }
    if (uri.getHost() == null) {
      throw bad(text, "it names no host");
    }
    if (uri.getUserInfo() == null || uri.getUserInfo().isEmpty()) {
      throw bad(text, "it names no user");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
    if (path.isEmpty()) {
      throw bad(text, "it names no folder on the server");
    }
    Scheme s = Scheme.valueOf(scheme.toUpperCase(Locale.ROOT));
    return new RemoteUrl(s, uri.getUserInfo(), uri.getHost(), uri.getPort() < 0 ? s.defaultPort : uri.getPort(), path);
  }

  private static UsageException bad(String text, String why) {
    return new UsageException("the repository URL '" + text + "' cannot be used: " + why,
        "write e.g. sftp://kho@backup.example.gov.vn:22/srv/kho (the path is absolute on the server)");
  }

  /** The known_hosts name of the server: {@code host}, or {@code [host]:port} off port 22. */
  String knownHostsName() {
    return port == 22 ? host : "[" + host + "]:" + port;
  }

  /** The URL VFS resolves the repository folder by (user but no password). */
  String vfsUri() {
    return scheme.prefix() + "://" + user + "@" + host + ":" + port + path;
  }

  @Override
  public String toString() {
    return vfsUri();
  }
}
