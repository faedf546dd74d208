package org.kho.storage.vfs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.apache.commons.net.ftp.FTPSClient;

/**
 * An explicit-TLS FTP client whose data connections resume the control connection's TLS session,
 * as servers that tie data to control connections demand (vsftpd's default {@code
 * require_ssl_reuse=YES} answers anything else with "522 session reuse required") and as saves a
 * full handshake per transfer everywhere.
 *
 * <p>The JDK offers a cached session to a server it reaches at the same host and port. A data
 * connection goes to another port, so it is made as a plain socket that reports the control
 * connection's port, and TLS is layered over it: the JDK then finds and offers the control
 * connection's session. TLS 1.3 sessions are used once; each resumed connection brings a new
 * ticket, which the JDK reads only if it reads from the connection. Downloads do; an upload
 * therefore ends with {@link #finishUpload}, which half-closes and reads to the server's end.
 */
final class ResumingFtpsClient extends FTPSClient {
  private final SSLContext tls;
  private SSLSocket lastData;

  ResumingFtpsClient(SSLContext tls) {
    super(false, tls);
    this.tls = tls;
  }

  /** Protects data connections (PBSZ 0, PROT P) and makes them resume the control session. */
  void protectData() throws IOException {
    execPBSZ(0);
    execPROT("P"); // sets commons-net's own TLS socket factory; replaced here
    setSocketFactory(new ReportingPort(getRemotePort()));
  }

  @Override
  protected Socket _openDataConnection_(String command, String arg) throws IOException {
    Socket plain = super._openDataConnection_(command, arg);
    if (plain == null || plain instanceof SSLSocket) {
      return plain;
    }
    // the host and port the control connection's session is cached under (see createSSLSocket)
    String host = _hostname_ != null ? _hostname_ : getRemoteAddress().getHostAddress();
    SSLSocket data = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, getRemotePort(), true);
    data.setUseClientMode(true);
    data.setSoTimeout(plain.getSoTimeout());
    data.startHandshake();
    lastData = data;
    return data;
  }

  /**
   * Ends an upload written to {@code out} (from {@code storeFileStream}): flushes, half-closes
   * the data connection and reads until the server closes it, so the session ticket the server
   * sent is taken in for the next transfer; then closes {@code out}.
   */
  void finishUpload(OutputStream out) throws IOException {
    out.flush();
    SSLSocket data = lastData;
    if (data != null && !data.isClosed()) {
      try {
        data.shutdownOutput();
        InputStream in = data.getInputStream();
        in.skip(Long.MAX_VALUE);
      } catch (IOException | UnsupportedOperationException e) {
        // TLS 1.2 has no half-close: the connection is simply closed below, as any client would
      }
    }
    out.close();
  }

  /** Plain sockets that say they are connected to the control port (see the class comment). */
  private static final class ReportingPort extends SocketFactory {
    private final int controlPort;

    ReportingPort(int controlPort) {
      this.controlPort = controlPort;
    }

    @Override
    public Socket createSocket() {
      return new Socket() {
        @Override
        public int getPort() {
          return controlPort;
        }
      };
    }

    @Override
    public Socket createSocket(String host, int port) {
      throw new UnsupportedOperationException("data connections are made unconnected, then connected");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
      throw new UnsupportedOperationException("data connections are made unconnected, then connected");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
      throw new UnsupportedOperationException("data connections are made unconnected, then connected");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
      throw new UnsupportedOperationException("data connections are made unconnected, then connected");
    }
  }
}
