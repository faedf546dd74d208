package org.kho.storage.vfs;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.apache.commons.net.ftp.FTP;
import org.kho.storage.StorageException;

/**
 * The logged-in connections to one FTPS server: made on demand (explicit TLS, the certificate
 * checked, binary, passive, data protected and resuming the control session), kept while idle
 * (at most {@value #KEPT}), checked with a NOOP when idle a while, dropped when an operation
 * on them fails with an I/O error. How many run at once is the connection-limit decorator's
 * business, not this pool's.
 */
final class FtpsConnections implements AutoCloseable {
  static final int KEPT = 4;
  private static final long CHECK_AFTER_NANOS = Duration.ofSeconds(15).toNanos();
  private final RemoteUrl url;
  private final RemoteAccess access;
  private final SSLContext tls;
  private final Deque<Idle> idle = new ArrayDeque<>();
  private boolean closed;

  private record Idle(ResumingFtpsClient client, long since) {}

  /** One FTP exchange on a connection; an {@link IOException} drops the connection. */
  @FunctionalInterface
  interface Exchange<T> {
    T on(ResumingFtpsClient client) throws IOException;
  }

  FtpsConnections(RemoteUrl url, RemoteAccess access) {
    this.url = url;
    this.access = access;
    try {
      tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {ServerCertificates.forHost(access.trustedCertificates(), url.host())}, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no TLS", e);
    }
  }

  /** Runs {@code exchange} on an idle or new connection, given back afterwards unless it broke. */
  <T> T call(Exchange<T> exchange) throws IOException {
    ResumingFtpsClient client = take();
    boolean broken = true;
    try {
      T result = exchange.on(client);
      broken = false;
      return result;
    } catch (RuntimeException | FtpReplyException e) {
      broken = false; // an answer the server gave (no such object, a refusal): the connection is fine
      throw e;
    } finally {
      if (broken) {
        quietlyDisconnect(client);
      } else {
        giveBack(client);
      }
    }
  }

  private ResumingFtpsClient take() throws IOException {
    while (true) {
      Idle kept;
      synchronized (this) {
        if (closed) {
          throw new IOException("the connections to " + url + " are closed");
        }
        kept = idle.pollFirst();
      }
      if (kept == null) {
        return connect();
      }
      if (usable(kept)) {
        return kept.client();
      }
      quietlyDisconnect(kept.client());
    }
  }

  private static boolean usable(Idle kept) {
    if (!kept.client().isConnected()) {
      return false;
    }
    if (System.nanoTime() - kept.since() < CHECK_AFTER_NANOS) {
      return true;
    }
    try {
      return kept.client().sendNoOp();
    } catch (IOException e) {
      return false;
    }
  }

  private void giveBack(ResumingFtpsClient client) {
    synchronized (this) {
      if (!closed && idle.size() < KEPT && client.isConnected()) {
        idle.offerFirst(new Idle(client, System.nanoTime())); // the most recent first: least likely timed out
        return;
      }
    }
    quietlyDisconnect(client);
  }

  private ResumingFtpsClient connect() throws IOException {
    ResumingFtpsClient client = new ResumingFtpsClient(tls);
    int timeout = (int) access.timeout().toMillis();
    client.setConnectTimeout(timeout);
    client.setDefaultTimeout(timeout);
    client.setDataTimeout(access.timeout());
    try {
      client.connect(url.host(), url.port());
      client.setSoTimeout(timeout);
      if (!client.login(url.user(), access.password().orElse(""))) {
        String said = client.getReplyString().strip();
        throw new StorageException("the FTPS server " + url.host() + " refused the login of user " + url.user()
            + " (" + said + ")", "check the user and the password file, and that the server lets this user in", null);
      }
      client.protectData();
      client.enterLocalPassiveMode();
      if (!client.setFileType(FTP.BINARY_FILE_TYPE)) {
        throw new FtpReplyException("switch to binary transfers", client.getReplyString());
      }
      return client;
    } catch (IOException | RuntimeException e) {
      quietlyDisconnect(client);
      throw e;
    }
  }

  private static void quietlyDisconnect(ResumingFtpsClient client) {
    try {
      if (client.isConnected()) {
        client.disconnect();
      }
    } catch (IOException ignored) {
      // gone either way
    }
  }

  @Override
  public void close() {
    Deque<Idle> left;
    synchronized (this) {
      closed = true;
      left = new ArrayDeque<>(idle);
      idle.clear();
    }
    for (Idle kept : left) {
      try {
        kept.client().logout();
      } catch (IOException ignored) {
        // closing anyway
      }
      quietlyDisconnect(kept.client());
    }
  }
}
