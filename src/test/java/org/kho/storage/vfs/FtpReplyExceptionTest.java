package org.kho.storage.vfs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FtpReplyExceptionTest {
  @Test
  void saysWhatWasAskedAndTheServersOwnReply() {
    assertThat(new FtpReplyException("delete data/ab/cd", "550 Permission denied.\r\n"))
        .hasMessage("the server would not delete data/ab/cd: 550 Permission denied.");
  }

  @Test
  void aRefusedTlsDataConnectionSaysWhatToCheckOnTheServer() {
    assertThat(new FtpReplyException("store tmp-1", "522 SSL connection failed: session reuse required"))
        .hasMessageStartingWith("the server would not store tmp-1: 522 SSL connection failed: session reuse required")
        .hasMessageContaining("require_ssl_reuse").hasMessageContaining("ssl_ciphers");
  }

  @Test
  void noReplyAtAllIsSaidSo() {
    assertThat(new FtpReplyException("make the folder keys", null)).hasMessage("the server would not make the folder keys: no reply");
  }
}
