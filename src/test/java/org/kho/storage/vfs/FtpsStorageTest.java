package org.kho.storage.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.storage.ConcurrencyLimitedStorage;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;
import org.kho.storage.StorageContract;
import org.kho.storage.StorageException;

/**
 * The FTPS target keeps the storage contract against a real FTPS server (explicit TLS) on 127.0.0.1,
 * behind the two-connection limit Kho puts on FTPS targets (each further connection costs a TLS
 * handshake and a login).
 */
class FtpsStorageTest extends StorageContract {
  @TempDir
  static Path dir;
  private static TestFtpsServer server;
  private static int repos;
  private String repoPath;

  @BeforeAll
  static void startServer() throws Exception {
    server = TestFtpsServer.start(dir.resolve("server-root"), dir.resolve("server"));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static RemoteAccess access(Optional<Path> trusted) {
    return new RemoteAccess(Optional.of(TestFtpsServer.password()), Optional.empty(), Optional.empty(), trusted,
        RemoteAccess.DEFAULT_TIMEOUT);
  }

  @Override
  protected Storage newStorage() {
    repoPath = "/backups/repo-" + ++repos;
    return new ConcurrencyLimitedStorage(
        FtpsStorage.create(RemoteUrl.parse(server.url(repoPath)), access(Optional.of(server.certificate()))), 2);
  }

  @Test
  void theObjectIsAWholeFileOnTheServer() throws Exception {
    byte[] data = randomBytes(2 << 20);
    ObjectName name = nameOf(ObjectKind.DATA, data);

    storage().create(name, data);

    assertThat(Files.readAllBytes(dir.resolve("server-root" + repoPath).resolve(name.path()))).isEqualTo(data);
  }

  @Test
  void operationsReuseTheirConnectionsInsteadOfLoggingInEachTime() throws Exception {
    Storage target = storage();
    int before = server.logins();
    try (ExecutorService two = Executors.newFixedThreadPool(2)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        done.add(two.submit(() -> {
          for (int i = 0; i < 10; i++) {
            byte[] data = randomBytes(1000 + i);
            target.create(nameOf(ObjectKind.DATA, data), data);
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }

    assertThat(target.list(ObjectKind.DATA)).hasSize(20);
    assertThat(server.logins() - before).isLessThanOrEqualTo(2); // one more connection for the second thread, at most
  }

  @Test
  void aServerWhoseCertificateIsNotTrustedIsRefused() {
    assertThatThrownBy(() -> FtpsStorage.open(RemoteUrl.parse(server.url(repoPath)), access(Optional.empty())))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("certificate is not trusted");
  }
}
