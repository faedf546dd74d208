package org.kho.storage.vfs;

import java.io.IOException;

/** An FTP server refused a command: what was asked and the server's own reply (code and text). */
final class FtpReplyException extends IOException {
  private static final long serialVersionUID = 1L;

  FtpReplyException(String action, String reply) {
    super("the server would not " + action + ": " + (reply == null ? "no reply" : reply.strip()));
  }
}
