package org.kho.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.backup.TestBackups;
import org.kho.repository.Repository;
import org.kho.storage.vfs.RemoteAccess;
import org.kho.storage.vfs.RemoteUrl;
import org.kho.storage.vfs.TestSftpServer;
import org.kho.storage.vfs.VfsStorage;

/**
 * Over a real SFTP server (Apache MINA SSHD on 127.0.0.1) a restore reads each pack it needs once,
 * not once per chunk: a remote read is a round trip (an open, a read and a close).
 */
class SftpPackRestoreTest {
  @TempDir
  Path tmp;

  @Test
  void aRestoreFromAnSftpTargetReadsEveryPackOnceAndWritesEveryFile() throws Exception {
    Path src = PackRestoreTest.source(tmp.resolve("src"));
    try (Repository repo = TestBackups.init(tmp.resolve("server-root/backups/repo"))) {
      TestBackups.backup(repo, src);
    }
    try (TestSftpServer server = TestSftpServer.start(tmp.resolve("server-root"), tmp.resolve("server"))) {
      RemoteAccess access = new RemoteAccess(Optional.of(Files.readString(server.passwordFile()).strip()),
          Optional.empty(), Optional.of(server.knownHosts()), Optional.empty(), RemoteAccess.DEFAULT_TIMEOUT);
      CountingStorage counting = new CountingStorage(VfsStorage.open(RemoteUrl.parse(server.url("/backups/repo")), access));
      List<String> packs = counting.packs();
      Path into = tmp.resolve("restored");

      RestoreResult result = PackRestoreTest.restore(counting, into, List.of());

      assertThat(result.failures()).isEmpty();
      assertThat(result.verified()).isEqualTo(35);
      PackRestoreTest.assertSameFiles(src, into);
      assertThat(counting.readsByPack().keySet()).containsExactlyElementsOf(packs);
      assertThat(counting.readsByPack().values()).as("one read per pack").allMatch(n -> n == 1);
    }
  }
}
