package org.kho.storage.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kho.storage.ConcurrencyLimitedStorage;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;
import org.kho.storage.StorageContract;

/**
 * The FTPS target keeps the storage contract against a real vsftpd as most installations run it:
 * it refuses every data connection that does not resume the control connection's TLS session
 * ("522 session reuse required"). Runs where vsftpd can be started (root, CI installs it).
 */
class VsftpdStorageTest extends StorageContract {
  private static TestVsftpd server;
  private static int repos;
  private String repoPath;

  @BeforeAll
  static void startServer() throws Exception {
    assumeTrue(TestVsftpd.available(), "needs root and Debian's vsftpd and openssl (.ci/run installs them)");
    server = TestVsftpd.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected Storage newStorage() {
    repoPath = "/repo-" + ++repos;
    return new ConcurrencyLimitedStorage(FtpsStorage.create(RemoteUrl.parse(server.url(repoPath)), access()), 2);
  }

  private static RemoteAccess access() {
    return new RemoteAccess(Optional.of("kho@example.org"), Optional.empty(), Optional.empty(),
        Optional.of(server.certificate()), RemoteAccess.DEFAULT_TIMEOUT);
  }

  @Test
  void manyUploadsAndDownloadsInARowEachResumeTheSession() throws Exception {
    // TLS 1.3 sessions resume once: each transfer must take in the ticket of the one before
    Storage target = storage();
    for (int i = 0; i < 30; i++) {
      byte[] data = randomBytes(5000 + i);
      ObjectName name = nameOf(ObjectKind.DATA, data);
      target.create(name, data);
      assertThat(target.read(name)).isEqualTo(data);
    }
    assertThat(target.list(ObjectKind.DATA)).hasSize(30);
  }

  @Test
  void theObjectIsAWholeFileOnTheServer() throws Exception {
    byte[] data = randomBytes(3 << 20);
    ObjectName name = nameOf(ObjectKind.DATA, data);

    storage().create(name, data);

    assertThat(Files.readAllBytes(server.backups().resolve(repoPath.substring(1)).resolve(name.path()))).isEqualTo(data);
  }
}
