package org.kho.storage.vfs;

import java.io.IOException;

/** An FTP server refused a command: what was asked and the server's own reply (code and text). */
final class FtpReplyException extends IOException {
  private static final long serialVersionUID = 1L;

  FtpReplyException(String action, String reply) {
    super("the server would not " + action + ": " + (reply == null ? "no reply" : reply.strip()) + advice(reply));
  }

  /** What to check for the replies whose cause is not in their words. */
  private static String advice(String reply) {
    if (reply != null && reply.startsWith("522")) {
      return " (Kho opens each data connection by resuming the control connection's TLS session, as vsftpd's"
          + " require_ssl_reuse asks; the server did not accept it: check its TLS settings, e.g. vsftpd's"
          + " ssl_ciphers and ssl_tlsv1_2/3, and its log)";
    }
    return "";
  }
}
