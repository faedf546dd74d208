package org.kho.storage.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kho.core.UsageException;

class RemoteUrlTest {
  @Test
  void readsUserHostPortAndAnAbsolutePath() {
    RemoteUrl url = RemoteUrl.parse("sftp://backup@nas.example.gov.vn:2222/srv/kho/");

    assertThat(url).isEqualTo(new RemoteUrl(RemoteUrl.Scheme.SFTP, "backup", "nas.example.gov.vn", 2222, "/srv/kho"));
    assertThat(url.knownHostsName()).isEqualTo("[nas.example.gov.vn]:2222");
    assertThat(url).hasToString("sftp://backup@nas.example.gov.vn:2222/srv/kho");
  }

  @Test
  void theDefaultPortsAreThoseOfTheProtocols() {
    assertThat(RemoteUrl.parse("sftp://u@h/p").port()).isEqualTo(22);
    assertThat(RemoteUrl.parse("sftp://u@h/p").knownHostsName()).isEqualTo("h");
    assertThat(RemoteUrl.parse("ftps://u@h/p").port()).isEqualTo(21);
  }

  @Test
  void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> RemoteUrl.parse("sftp://u:hunter2@h/p"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("contains a password")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void urlsWithoutUserHostOrPathOrWithAnotherSchemeAreRefused() {
    assertThatThrownBy(() -> RemoteUrl.parse("sftp://h/p")).hasMessageContaining("names no user");
    assertThatThrownBy(() -> RemoteUrl.parse("sftp://u@h")).hasMessageContaining("names no folder");
    assertThatThrownBy(() -> RemoteUrl.parse("http://u@h/p")).hasMessageContaining("sftp:// or ftps://");
  }

  @Test
  void tellsRemoteLocationsFromFolders() {
    assertThat(RemoteUrl.isRemote("sftp://u@h/p")).isTrue();
    assertThat(RemoteUrl.isRemote("FTPS://u@h/p")).isTrue();
    assertThat(RemoteUrl.isRemote("/mnt/backup")).isFalse();
    assertThat(RemoteUrl.isRemote("sftp-repo")).isFalse();
  }
}
