package org.kho.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.backup.BackupProgress;
import org.kho.backup.TestBackups;
import org.kho.catalogue.Catalogue;
import org.kho.repository.Repository;
import org.kho.restore.FileStreamer;
import org.kho.restore.RestoreProgress;

/** Catalogue backups of an item whose source is a command, with hooks, into two targets. */
class CatalogueBackupServiceTest {
  @TempDir
  Path tmp;
  Path config;
  Path repoA;
  Path password;

  @BeforeEach
  void setUp() throws IOException {
    config = tmp.resolve("cfg");
    new InitService().init(config);
    try (var drills = Files.list(config.resolve("restore-drills"))) {
      for (Path p : drills.toList()) {
        Files.delete(p); // the examples name items of the example catalogue
      }
    }
    repoA = tmp.resolve("repo-a");
    TestBackups.init(repoA).close();
    password = Files.writeString(tmp.resolve("repo.pass"), TestBackups.PASSWORD);
    Files.writeString(tmp.resolve("db.pass"), "s3cret\n");
  }

  /** Writes a catalogue with item "db": {@code source} as its one source, and hooks that leave marker files. */
  private Catalogue catalogue(String source, String preHook) throws IOException {
    return catalogue(source, preHook, "touch '" + tmp + "/post-ran'");
  }

  private Catalogue catalogue(String source, String preHook, String postHook) throws IOException {
    Files.writeString(config.resolve("catalogue.yaml"), """
        version: 1
        agency: {name: "Test agency", unit: "IT", contact: "it@example.gov.vn"}
        targets:
          - {id: disk-a, description: first disk, path: %1$s, media: external-disk, repositoryPassword: {file: %2$s}}
          - {id: disk-b, description: disk not set up, path: %3$s, media: remote, repositoryPassword: {file: %2$s}}
        items:
          - id: db
            name: Database
            owner: Office
            securityLevel: 2
            sources:
              - %4$s
            hooks:
              pre:
                - {name: flush, shell: "%5$s", timeout: 1m}
              post:
                - {name: restart, shell: "%6$s", timeout: 1m}
            targets: [disk-a, disk-b]
            schedule: nightly
            retention: {daily: 7}
            waivers: {drill.frequency: "test catalogue"}
        """.formatted(repoA, password, tmp.resolve("not-a-repo"), source, preHook, postHook));
    var checked = new CatalogueService(TestBackups.CLOCK).check(config);
    assertThat(checked.catalogue()).as("%s", checked.problems()).isPresent();
    return checked.catalogue().get();
  }

  private CatalogueBackupService.Outcome backup(Catalogue catalogue) {
    return new CatalogueBackupService(TestBackups.CLOCK, "test", Map.of("PATH", System.getenv("PATH")))
        .run(catalogue, List.of(), Optional.empty(), BackupProgress.NONE);
  }

  private Repository openA() {
    return Repository.open(org.kho.storage.local.LocalStorage.open(repoA),
        org.kho.repository.Credential.passphrase(TestBackups.PASSWORD),
        new Repository.Options(TestBackups.CLOCK, new org.kho.repository.Host(), new org.kho.crypto.Argon2id(64, 1, 1)));
  }

  @Test
  void commandOutputIsStoredInEveryTargetThatWorksAndTheFailingTargetIsNamed() throws IOException {
    String source = "{shell: 'test \"$PGPASSWORD\" = s3cret && printf \"id|name\\\\n1|An\"', name: db.dump, "
        + "env: {PGPASSWORD: {file: " + tmp.resolve("db.pass") + "}}}";
    var outcome = backup(catalogue(source, "touch '" + tmp + "/pre-ran'"));

    assertThat(outcome.runs()).extracting(r -> r.target().value()).containsExactly("disk-a", "disk-b");
    assertThat(outcome.runs().get(0).failure()).isNull();
    assertThat(outcome.runs().get(1).failure()).isNotNull();
    assertThat(outcome.hooks()).isEmpty();
    assertThat(tmp.resolve("pre-ran")).exists();
    assertThat(tmp.resolve("post-ran")).exists();
    try (Repository repo = openA()) {
      assertThat(repo.snapshots()).singleElement().satisfies(s -> assertThat(s.snapshot().paths()).containsExactly("/db.dump"));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new FileStreamer(repo).stream("latest", "/db.dump", out, RestoreProgress.NONE);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("id|name\n1|An");
    }
  }

  @Test
  void failedDumpFailsTheBackupLeavesNoSnapshotAndPostHooksStillRun() throws IOException {
    String source = "{shell: \"echo partial-data; echo 'pg_dump: error: database nope does not exist' >&2; exit 2\", "
        + "name: db.dump}";
    var outcome = backup(catalogue(source, "true"));

    assertThat(outcome.failed()).isTrue();
    assertThat(outcome.runs().getFirst().failure()).hasMessageContaining("exit status 2")
        .hasMessageContaining("database nope does not exist");
    assertThat(tmp.resolve("post-ran")).exists();
    try (Repository repo = openA()) {
      assertThat(repo.snapshots()).isEmpty();
    }
  }

  @Test
  void failingPreHookCancelsTheBackupAndPostHooksStillRun() throws IOException {
    var outcome = backup(catalogue("{shell: 'printf x', name: db.dump}", "exit 5"));

    assertThat(outcome.hooks()).singleElement().satisfies(h -> {
      assertThat(h.phase()).isEqualTo("pre");
      assertThat(h.hook()).isEqualTo("flush");
    });
    assertThat(outcome.runs()).allSatisfy(r -> assertThat(r.failure()).hasMessageContaining("pre hook failed"));
    assertThat(tmp.resolve("post-ran")).exists();
    try (Repository repo = openA()) {
      assertThat(repo.snapshots()).isEmpty();
    }
  }

  @Test
  void failingPostHookIsReportedButTheSnapshotStays() throws IOException {
    var outcome = backup(catalogue("{shell: 'printf x', name: db.dump}", "true", "echo 'service hr-app failed' >&2; exit 4"));

    assertThat(outcome.failed()).isTrue();
    assertThat(outcome.hooks()).singleElement().satisfies(h -> {
      assertThat(h.phase()).isEqualTo("post");
      assertThat(h.failure()).hasMessageContaining("'restart'").hasMessageContaining("service hr-app failed");
    });
    assertThat(outcome.runs().getFirst().failure()).isNull();
    try (Repository repo = openA()) {
      assertThat(repo.snapshots()).hasSize(1);
    }
  }
}
