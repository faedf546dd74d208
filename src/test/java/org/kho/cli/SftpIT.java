package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.storage.vfs.TestSftpServer;

/** The CLI on a repository on a real SFTP server (Apache MINA SSHD on 127.0.0.1, started here). */
class SftpIT {
  @TempDir
  Path tmp;
  private TestSftpServer server;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void startServer() throws Exception {
    server = TestSftpServer.start(tmp.resolve("server-root"), tmp.resolve("server"));
    Path password = Files.writeString(tmp.resolve("repo-password"), "correct horse\n");
    env.put("KHO_PASSWORD_FILE", password.toString());
    env.put("KHO_KNOWN_HOSTS", server.knownHosts().toString());
    env.put("KHO_REMOTE_PASSWORD_FILE", server.passwordFile().toString());
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  private Kho.Run kho(String... args) throws Exception {
    return Kho.run(env, args);
  }

  @Test
  void initBackupRestoreAndCheckARepositoryOnAnSftpServer() throws Exception {
    String repo = server.url("/srv/kho/repo");
    Path src = Files.createDirectories(tmp.resolve("src/docs"));
    byte[] big = new byte[5 << 20];
    new Random(3).nextBytes(big);
    Files.write(src.resolve("big.bin"), big);
    Files.writeString(src.resolve("note.txt"), "hello over sftp");

    Kho.Run init = kho("repo", "init", "--repo", repo);
    assertThat(init.code()).as(init.err()).isZero();
    assertThat(init.out()).contains("Created repository", repo);
    assertThat(tmp.resolve("server-root/srv/kho/repo/config")).exists();

    Kho.Run backup = kho("backup", "--repo", repo, "--json", src.toString());
    assertThat(backup.code()).as(backup.err()).isZero();

    Path out = tmp.resolve("out");
    Kho.Run restore = kho("restore", "--repo", repo, "latest", "--target", out.toString(), "--verify");
    assertThat(restore.code()).as(restore.err()).isZero();
    Path back = out.resolve(src.toString().substring(1));
    assertThat(Files.readAllBytes(back.resolve("big.bin"))).isEqualTo(big);
    assertThat(Files.readString(back.resolve("note.txt"))).isEqualTo("hello over sftp");

    Kho.Run check = kho("check", "--repo", repo, "--read-data");
    assertThat(check.code()).as(check.out() + check.err()).isZero();
  }

  @Test
  void forgetAndPruneOnAnSftpServerFreeTheOldDataAndKeepTheRestRestorable() throws Exception {
    String repo = server.url("/srv/kho/prune-repo");
    Path src = Files.createDirectories(tmp.resolve("src"));
    assertThat(kho("repo", "init", "--repo", repo).code()).isZero();
    byte[] first = new byte[3 << 20];
    byte[] second = new byte[3 << 20];
    new Random(5).nextBytes(first);
    new Random(6).nextBytes(second);
    Files.write(src.resolve("data.bin"), first);
    assertThat(kho("backup", "--repo", repo, src.toString()).code()).isZero();
    Files.write(src.resolve("data.bin"), second);
    assertThat(kho("backup", "--repo", repo, src.toString()).code()).isZero();
    long before = serverBytes("srv/kho/prune-repo/data");

    Kho.Run forget = kho("forget", "--repo", repo, "--keep-last", "1", "--yes");
    Kho.Run dryRun = kho("prune", "--repo", repo, "--grace", "0");
    long afterDryRun = serverBytes("srv/kho/prune-repo/data");
    Kho.Run prune = kho("prune", "--repo", repo, "--grace", "0", "--apply");

    assertThat(forget.code()).as(forget.out() + forget.err()).isZero();
    assertThat(dryRun.code()).as(dryRun.out() + dryRun.err()).isZero();
    assertThat(afterDryRun).as("a dry run deletes nothing").isEqualTo(before);
    assertThat(prune.code()).as(prune.out() + prune.err()).isZero();
    assertThat(prune.out()).containsPattern("deleted: [1-9][0-9]* packs");
    assertThat(serverBytes("srv/kho/prune-repo/data")).as("the first backup's data is gone")
        .isLessThan(before - (2 << 20));
    Kho.Run check = kho("check", "--repo", repo, "--read-data");
    assertThat(check.code()).as(check.out() + check.err()).isZero();
    Path out = tmp.resolve("out");
    assertThat(kho("restore", "--repo", repo, "latest", "--target", out.toString()).code()).isZero();
    assertThat(Files.readAllBytes(out.resolve(src.toString().substring(1)).resolve("data.bin"))).isEqualTo(second);
  }

  private long serverBytes(String folder) throws java.io.IOException {
    try (var files = Files.walk(tmp.resolve("server-root").resolve(folder))) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  @Test
  void aServerWhoseHostKeyIsNotKnownIsRefusedWithWhatToDo() throws Exception {
    Path empty = Files.writeString(tmp.resolve("known_hosts"), "");
    env.put("KHO_KNOWN_HOSTS", empty.toString());

    Kho.Run init = kho("repo", "init", "--repo", server.url("/repo"));

    assertThat(init.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(init.err()).contains("[127.0.0.1]:" + server.port(), "SHA256:", "ssh-keyscan")
        .doesNotContain("\tat ", "Exception");
    assertThat(tmp.resolve("server-root/repo")).doesNotExist();
  }

  @Test
  void aCatalogueTargetOnAnSftpServerIsBackedUp() throws Exception {
    Path config = tmp.resolve("cfg");
    assertThat(Kho.run(Map.of(), "init", config.toString()).code()).isZero();
    try (var drills = Files.list(config.resolve("restore-drills"))) {
      for (Path drill : drills.toList()) {
        Files.delete(drill); // the shipped drill plans name the example's items
      }
    }
    Kho.Run init = kho("repo", "init", "--repo", server.url("/srv/catalogue-repo"));
    assertThat(init.code()).as(init.err()).isZero();
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("report.txt"), "quarterly report");
    Files.writeString(config.resolve("catalogue.yaml"), """
        version: 1
        agency: {name: Test agency}
        targets:
          - id: datacentre
            url: %s
            knownHosts: %s
            password: {file: %s}
            repositoryPassword: {file: %s}
            connections: 2
            bandwidth: 50MiB/s
        items:
          - id: reports
            name: Reports
            owner: Office
            securityLevel: 2
            sources: [{path: %s}]
            targets: [datacentre]
            schedule: nightly
            retention: {daily: 7}
            waivers: {drill.frequency: "test catalogue, no drills"}
        """.formatted(server.url("/srv/catalogue-repo"), server.knownHosts(), server.passwordFile(),
        env.get("KHO_PASSWORD_FILE"), data));

    Kho.Run backup = Kho.run(Map.of(), "backup", "--config", config.toString());

    assertThat(backup.code()).as(backup.out() + backup.err()).isZero();
    Kho.Run snapshots = kho("snapshots", "--repo", server.url("/srv/catalogue-repo"));
    assertThat(snapshots.code()).as(snapshots.err()).isZero();
    assertThat(snapshots.out()).contains("reports");
  }
}
