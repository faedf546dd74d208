package org.kho.storage.vfs;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.SftpException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.kho.storage.StorageException;
import org.kho.storage.StorageFullException;
import org.kho.storage.TransientStorageException;

/**
 * Sorts what VFS, JSch and the FTP library throw into failures a user can act on: a refused host
 * key or certificate, a refused login, a full server ({@link StorageFullException}), a network
 * hitch worth trying again ({@link TransientStorageException}), or anything else (permanent).
 */
final class Failures {
  private static final List<String> FULL = List.of("no space left", "disk quota exceeded", "quota exceeded",
      "disk full", "552 ", "452 ", "insufficient storage", "exceeded storage allocation");
  /** What JSch says of the key it was shown: "... ECDSA key fingerprint is SHA256:xyz." or "... is\nSHA256:xyz." */
  private static final Pattern FINGERPRINT = Pattern.compile("(\\S+) key (?:fingerprint is|sent by the remote host \\S+ is)\\s+(\\S+?)\\.?(?:\\s|$)");

  private final RemoteUrl url;
  private final Optional<Path> knownHosts;
  private final HostKeyPrompt prompt;

  Failures(RemoteUrl url, Optional<Path> knownHosts, HostKeyPrompt prompt) {
    this.url = url;
    this.knownHosts = knownHosts;
    this.prompt = prompt;
  }

  /** The exception for failing to {@code action} ("read", "write", ...) {@code what} on this target. */
  StorageException of(String action, String what, Exception e) {
    String failed = "could not " + action + " " + what + " on " + url;
    for (Throwable t = e; t != null; t = t.getCause()) {
      StorageException known = known(failed, t);
      if (known != null) {
        return known;
      }
    }
    if (full(e)) {
      return new StorageFullException(url + " (" + action + " " + what + ")", e);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (transientCause(t)) {
        return new TransientStorageException(failed + ": " + reason(t),
            "check the network and that the server is up; Kho tries again by itself", e);
      }
    }
    return new StorageException(failed + ": " + reason(e), "check the server and the URL, then run again", e);
  }

  private StorageException known(String failed, Throwable t) {
    return switch (t) {
      case JSchUnknownHostKeyException u -> unknownHostKey(u);
      case JSchChangedHostKeyException c -> changedHostKey(c);
      case JSchException j when String.valueOf(j.getMessage()).startsWith("Auth") -> new StorageException(
          "the SFTP server " + url.host() + " refused the login of user " + url.user(),
          "check the user, the password file or the private key, and that the server lets this user in", t);
      case SSLException s when hasCause(s, CertificateException.class) -> new StorageException(
          failed + ": the server's TLS certificate is not trusted (" + rootMessage(s) + ")",
          "give the server's certificate or CA as a PEM file (--trusted-certificates / trustedCertificates), "
              + "after checking its fingerprint with the server's administrator", t);
      case UnknownHostException h -> new StorageException(failed + ": no such host " + url.host(),
          "check the host name in the URL and the DNS", t);
      case JSchException j when String.valueOf(j.getMessage()).contains("privatekey") -> new StorageException(
          "the private key for " + url + " cannot be read (its text is not shown here)",
          "give an unencrypted OpenSSH or PEM private key file", t);
      case SftpException s when s.id == ChannelSftp.SSH_FX_PERMISSION_DENIED -> new StorageException(
          failed + ": permission denied", "let user " + url.user() + " write to " + url.path() + " on the server", t);
      default -> null;
    };
  }

  private HostKeyRejectedException unknownHostKey(Throwable cause) {
    String file = knownHosts.map(Path::toString).orElse("known_hosts");
    return new HostKeyRejectedException("the SFTP server " + url.knownHostsName() + " showed the host key " + seen()
        + ", which " + file + " does not hold; Kho does not connect to a server it cannot recognise",
        "ask the server's administrator for its key fingerprint (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the "
            + "server); if it is the same, add the key: ssh-keyscan -p " + url.port() + " " + url.host() + " >> " + file,
        cause);
  }

  private HostKeyRejectedException changedHostKey(Throwable cause) {
    String file = knownHosts.map(Path::toString).orElse("known_hosts");
    return new HostKeyRejectedException("the host key of the SFTP server " + url.knownHostsName() + " has CHANGED: "
        + "it showed " + seen() + ", not the key " + file + " holds for it. Someone may be in the middle, "
        + "or the server was reinstalled",
        "do not go on until the server's administrator confirms the new fingerprint; then replace the old key: "
            + "ssh-keygen -R '" + url.knownHostsName() + "' -f " + file + " && ssh-keyscan -p " + url.port() + " "
            + url.host() + " >> " + file, cause);
  }

  /** The key type and fingerprint the server showed, as JSch reported them. */
  private String seen() {
    Matcher m = FINGERPRINT.matcher(prompt.lastMessage());
    return m.find() ? m.group(1) + " " + m.group(2) : "(fingerprint not reported)";
  }

  private static boolean full(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (FULL.stream().anyMatch(message::contains)) {
        return true;
      }
    }
    return false;
  }

  private static boolean transientCause(Throwable t) {
    return t instanceof SocketException || t instanceof InterruptedIOException || t instanceof EOFException
        || (t instanceof JSchException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).matches(
            "(?s).*(session is down|timeout|timed out|connection|socket|channel|end of io stream|closed|reset).*"))
        || (t instanceof SftpException s && s.id == ChannelSftp.SSH_FX_CONNECTION_LOST)
        || (t instanceof IOException && String.valueOf(t.getMessage()).matches("(?is).*(pipe closed|connection|reset|"
            + "broken pipe|closed by|\\b42[0-9] ).*"));
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }

  /** What went wrong, in words: the innermost message that says something. */
  private static String reason(Throwable e) {
    String said = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        said = t.getMessage();
      }
    }
    return said == null ? e.getClass().getSimpleName() : said.lines().findFirst().orElse(said);
  }
}
