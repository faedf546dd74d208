package org.kho.storage.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.sshd.common.cipher.ECCurves;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.core.UsageException;

/** An SFTP server whose host key the known_hosts file does not vouch for is never used. */
class SftpHostKeyTest {
  @TempDir
  static Path dir;
  private static TestSftpServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = TestSftpServer.start(dir.resolve("root"), dir.resolve("server"));
    Files.createDirectories(dir.resolve("root/repo"));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private static RemoteAccess withKnownHosts(Path knownHosts) throws Exception {
    return new RemoteAccess(Optional.of(Files.readString(server.passwordFile()).strip()), Optional.empty(),
        Optional.of(knownHosts), Optional.empty(), RemoteAccess.DEFAULT_TIMEOUT);
  }

  @Test
  void anUnknownHostKeyIsRefusedNamingTheHostItsFingerprintAndWhatToDo() throws Exception {
    Path knownHosts = Files.writeString(dir.resolve("empty_known_hosts"), "");

    assertThatThrownBy(() -> VfsStorage.open(RemoteUrl.parse(server.url("/repo")), withKnownHosts(knownHosts)))
        .isInstanceOf(HostKeyRejectedException.class)
        .hasMessageContaining("[127.0.0.1]:" + server.port())
        .hasMessageContaining("SHA256:")
        .hasMessageContaining(knownHosts + " does not hold")
        .satisfies(e -> assertThat(((HostKeyRejectedException) e).hint())
            .contains("ssh-keyscan -p " + server.port() + " 127.0.0.1 >> " + knownHosts));
    assertThat(knownHosts).isEmptyFile();
  }

  @Test
  void aChangedHostKeyIsRefusedAsAPossibleAttack() throws Exception {
    String type = Files.readString(server.knownHosts()).split(" ")[1];
    ECCurves curve = ECCurves.fromKeyType(type);
    String otherKey = PublicKeyEntry.toString(KeyUtils.generateKeyPair(type, curve.getKeySize()).getPublic());
    String line = "[127.0.0.1]:" + server.port() + " " + otherKey + "\n";
    Path knownHosts = Files.writeString(dir.resolve("stale_known_hosts"), line);

    assertThatThrownBy(() -> VfsStorage.open(RemoteUrl.parse(server.url("/repo")), withKnownHosts(knownHosts)))
        .isInstanceOf(HostKeyRejectedException.class)
        .hasMessageContaining("has CHANGED")
        .hasMessageContaining("SHA256:")
        .satisfies(e -> assertThat(((HostKeyRejectedException) e).hint()).contains("ssh-keygen -R"));
    assertThat(knownHosts).hasContent(line.strip());
  }

  @Test
  void theRightHostKeyConnects() throws Exception {
    try (VfsStorage storage = VfsStorage.open(RemoteUrl.parse(server.url("/repo")), withKnownHosts(server.knownHosts()))) {
      assertThat(storage.list(org.kho.storage.ObjectKind.KEY)).isEmpty();
    }
  }

  @Test
  void withoutAKnownHostsFileNothingConnects() throws Exception {
    RemoteAccess none = new RemoteAccess(Optional.of("x"), Optional.empty(), Optional.empty(), Optional.empty(),
        RemoteAccess.DEFAULT_TIMEOUT);

    assertThatThrownBy(() -> VfsStorage.open(RemoteUrl.parse(server.url("/repo")), none))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("no known_hosts file");
  }
}
