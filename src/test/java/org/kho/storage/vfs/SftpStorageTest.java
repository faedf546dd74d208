package org.kho.storage.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;
import org.kho.storage.StorageException;
import org.kho.storage.StreamingStorageContract;

/** The SFTP target keeps the storage contract against a real SFTP server on 127.0.0.1. */
class SftpStorageTest extends StreamingStorageContract {
  @TempDir
  static Path dir;
  private static TestSftpServer server;
  private static int repos;

  @BeforeAll
  static void startServer() throws Exception {
    server = TestSftpServer.start(dir.resolve("server-root"), dir.resolve("server"));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  static RemoteAccess passwordAccess(TestSftpServer server) throws Exception {
    return new RemoteAccess(Optional.of(Files.readString(server.passwordFile()).strip()), Optional.empty(),
        Optional.of(server.knownHosts()), Optional.empty(), RemoteAccess.DEFAULT_TIMEOUT);
  }

  private String repoPath;



  @Override
  protected Storage newStorage() throws Exception {
    repoPath = "/backups/repo-" + ++repos;
    return VfsStorage.create(RemoteUrl.parse(server.url(repoPath)), passwordAccess(server));
  }

  private Path localRepo() {
    return dir.resolve("server-root" + repoPath);
  }

  @Test
  void theObjectIsAWholeFileAtItsPathOnTheServerAndNoTemporaryFileStays() throws Exception {
    byte[] data = randomBytes(3 << 20);
    ObjectName name = nameOf(ObjectKind.DATA, data);

    storage().create(name, data);

    assertThat(Files.readAllBytes(localRepo().resolve(name.path()))).isEqualTo(data);
    try (Stream<Path> files = Files.walk(localRepo())) {
      assertThat(files.filter(f -> f.getFileName().toString().startsWith("tmp-"))).isEmpty();
    }
  }

  @Test
  void aSpooledUploadTheServerRefusesFailsAndTheNextOneStillGoesThrough() throws Exception {
    byte[] first = randomBytes(1 << 20);
    ObjectName kept = nameOf(ObjectKind.DATA, first);
    storage().create(kept, first);
    Path folder = localRepo().resolve(kept.path()).getParent();
    byte[] refused = sameFolder(kept);
    try (Stream<Path> files = Files.walk(folder)) { // the storage still knows the folder: the upload's open fails
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }

    try (Storage.Upload upload = storage().upload(ObjectKind.DATA).orElseThrow()) {
      upload.write(refused, 0, refused.length);
      assertThatThrownBy(() -> upload.commit(nameOf(ObjectKind.DATA, refused))).isInstanceOf(StorageException.class)
          .hasMessageContaining("could not write");
    }
    byte[] next = randomBytes(3 << 20);
    ObjectName sent = nameOf(ObjectKind.DATA, next);
    try (Storage.Upload upload = storage().upload(ObjectKind.DATA).orElseThrow()) {
      upload.write(next, 0, next.length);
      upload.commit(sent);
    }

    assertThat(Files.readAllBytes(localRepo().resolve(sent.path()))).isEqualTo(next);
  }

  /** Random bytes whose data object lies in the same folder as {@code name}'s. */
  private static byte[] sameFolder(ObjectName name) {
    while (true) {
      byte[] data = randomBytes(64 << 10);
      if (!nameOf(ObjectKind.DATA, data).equals(name) && nameOf(ObjectKind.DATA, data).name().startsWith(name.name().substring(0, 2))) {
        return data;
      }
    }
  }

  @Test
  void leftoverTemporaryFilesAreNotListed() throws Exception {
    byte[] data = randomBytes(10);
    ObjectName name = nameOf(ObjectKind.INDEX, data);
    storage().create(name, data);
    Files.write(localRepo().resolve("index/tmp-" + name.name()), new byte[5]);

    assertThat(storage().list(ObjectKind.INDEX)).containsExactly(new Storage.ObjectInfo(name, 10));
  }

  @Test
  void aPrivateKeyLogsInAsWellAsAPassword() throws Exception {
    byte[] data = randomBytes(100);
    ObjectName name = nameOf(ObjectKind.SNAPSHOT, data);
    storage().create(name, data);
    RemoteAccess key = new RemoteAccess(Optional.empty(), Optional.of(Files.readAllBytes(server.privateKey())),
        Optional.of(server.knownHosts()), Optional.empty(), RemoteAccess.DEFAULT_TIMEOUT);

    try (VfsStorage byKey = VfsStorage.open(RemoteUrl.parse(server.url(repoPath)), key)) {
      assertThat(byKey.read(name)).isEqualTo(data);
    }
  }

  @Test
  void aWrongPasswordIsRefusedNamingTheUserNotThePassword() throws Exception {
    RemoteAccess wrong = new RemoteAccess(Optional.of("not-the-password"), Optional.empty(),
        Optional.of(server.knownHosts()), Optional.empty(), RemoteAccess.DEFAULT_TIMEOUT);

    assertThatThrownBy(() -> VfsStorage.open(RemoteUrl.parse(server.url(repoPath)), wrong))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("refused the login of user kho")
        .hasMessageNotContaining("not-the-password");
  }

  @Test
  void anUnreadablePrivateKeyIsRefusedWithoutShowingIt() {
    RemoteAccess garbage = new RemoteAccess(Optional.empty(), Optional.of("not a key at all".getBytes()),
        Optional.of(server.knownHosts()), Optional.empty(), RemoteAccess.DEFAULT_TIMEOUT);

    assertThatThrownBy(() -> VfsStorage.open(RemoteUrl.parse(server.url(repoPath)), garbage))
        .isInstanceOf(StorageException.class)
        .isNotInstanceOf(org.kho.storage.TransientStorageException.class)
        .hasMessageContaining("private key")
        .hasMessageNotContaining("not a key at all");
  }

  @Test
  void openOfAMissingFolderSaysSo() {
    assertThatThrownBy(() -> VfsStorage.open(RemoteUrl.parse(server.url("/nowhere")), passwordAccess(server)))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("no repository folder at sftp://kho@127.0.0.1:" + server.port() + "/nowhere");
  }

  @Test
  void describeIsTheUrlWithoutSecrets() {
    assertThat(storage().describe()).isEqualTo("sftp://kho@127.0.0.1:" + server.port() + repoPath);
  }
}
