package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kho.cli.CliTest.kho;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.cli.CliTest.Run;
import org.kho.testing.TestCatalogue;

/** {@code kho repo init}, {@code kho key …}, {@code kho check} options and catalogue backups, in process. */
class RepositoryCommandsTest {
  @TempDir
  Path tmp;
  Path repo;
  Path pw1;

  @BeforeEach
  void setUp() throws IOException {
    repo = tmp.resolve("repo");
    pw1 = Files.writeString(tmp.resolve("pw1"), "first password\n");
    assertThat(kho("repo", "init", "--repo", repo.toString(), "--password-file", pw1.toString()).code()).isZero();
  }

  private Run snapshotsWith(String option, Path file) {
    return kho("snapshots", "--repo", repo.toString(), option, file.toString());
  }

  @Test
  void initRefusesAFolderThatHoldsARepositoryAlready() {
    Run again = kho("repo", "init", "--repo", repo.toString(), "--password-file", pw1.toString());
    assertThat(again.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(again.err()).contains("a repository already exists");
  }

  @Test
  void passwordSlotsCanBeAddedChangedAndRemoved() throws IOException {
    Path pw2 = Files.writeString(tmp.resolve("pw2"), "second password\n");
    Path pw3 = Files.writeString(tmp.resolve("pw3"), "third password\n");
    assertThat(kho("key", "add", "--repo", repo.toString(), "--password-file", pw1.toString(),
        "--new-password-file", pw2.toString(), "--label", "officer").code()).isZero();
    assertThat(snapshotsWith("--password-file", pw2).code()).isZero();

    assertThat(kho("key", "passwd", "--repo", repo.toString(), "--password-file", pw1.toString(),
        "--new-password-file", pw3.toString()).code()).isZero();
    assertThat(snapshotsWith("--password-file", pw1).code()).isEqualTo(ExitCodes.WRONG_KEY);
    assertThat(snapshotsWith("--password-file", pw3).code()).isZero();

    JsonNode slots = json(kho("key", "list", "--repo", repo.toString(), "--password-file", pw3.toString(), "--json"));
    assertThat(slots).hasSize(2);
    String officer = null;
    for (JsonNode s : slots) {
      if ("officer".equals(s.get("label").asText())) {
        officer = s.get("id").asText();
      }
    }
    Run removed = kho("key", "remove", "--repo", repo.toString(), "--password-file", pw3.toString(), officer);
    assertThat(removed.code()).isZero();
    assertThat(snapshotsWith("--password-file", pw2).code()).isEqualTo(ExitCodes.WRONG_KEY);
  }

  @Test
  void theSlotInUseAndTheLastSlotCannotBeRemoved() {
    JsonNode slots = json(kho("key", "list", "--repo", repo.toString(), "--password-file", pw1.toString(), "--json"));
    Run refused = kho("key", "remove", "--repo", repo.toString(), "--password-file", pw1.toString(),
        slots.get(0).get("id").asText());
    assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("is the one this command opened the repository with");
  }

  @Test
  void aRecoveryKeyIsShownOnceAndOpensTheRepository() throws IOException {
    Run added = kho("key", "add", "--repo", repo.toString(), "--password-file", pw1.toString(), "--recovery");
    assertThat(added.code()).isZero();
    Matcher m = Pattern.compile("([0-9a-f]{8}(-[0-9a-f]{8}){7})").matcher(added.out());
    assertThat(m.find()).isTrue();
    Path recovery = Files.writeString(tmp.resolve("recovery"), m.group(1) + "\n");
    assertThat(snapshotsWith("--password-file", recovery).code()).isZero();
    Path wrong = Files.writeString(tmp.resolve("wrong"), m.group(1).replace('-', ' ').substring(1) + "0\n");
    assertThat(snapshotsWith("--password-file", wrong).code()).isEqualTo(ExitCodes.WRONG_KEY);
  }

  @Test
  void aNewKeyFileIsPrivateAndOpensTheRepository() throws IOException {
    Path keyFile = tmp.resolve("repo.key");
    assertThat(kho("key", "add", "--repo", repo.toString(), "--password-file", pw1.toString(),
        "--new-key-file", keyFile.toString()).code()).isZero();
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    assertThat(snapshotsWith("--key-file", keyFile).code()).isZero();
    Run again = kho("key", "add", "--repo", repo.toString(), "--password-file", pw1.toString(),
        "--new-key-file", keyFile.toString());
    assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void checkRefusesAPercentageOutOfRange() {
    Run bad = kho("check", "--repo", repo.toString(), "--password-file", pw1.toString(), "--read-data-subset", "150%");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("is not a percentage");
    assertThat(kho("check", "--repo", repo.toString(), "--password-file", pw1.toString(), "--read-data-subset", "10%")
        .code()).isZero();
  }

  @Test
  void catalogueBackupTakesEachItemIntoItsLocalTarget() throws IOException {
    Path cfg = tmp.resolve("cfg");
    assertThat(kho("init", cfg.toString()).code()).isZero();
    assertThat(kho("key", "signing-init", "--out", tmp.resolve("signing").toString()).code()).isZero();
    Path data = Files.createDirectories(tmp.resolve("srv/documents"));
    Files.writeString(data.resolve("a.txt"), "alpha");
    Files.writeString(data.resolve("b.tmp"), "excluded");
    TestCatalogue.oneDisk(repo, pw1, data).signedWith(tmp.resolve("signing/signing.key"))
        .sources("[{path: " + data + ", exclude: [\"*.tmp\"]}]").writeTo(cfg);
    Run run = kho("backup", "--config", cfg.toString(), "--json");
    assertThat(run.code()).as(run.err() + run.out()).isZero();
    JsonNode result = json(run).get(0);
    assertThat(result.get("item").asText()).isEqualTo("documents");
    assertThat(result.get("summary").get("files").asLong()).isEqualTo(1);
    assertThat(result.get("signed").asBoolean()).as("signed with the catalogue's signingKey").isTrue();
    assertThat(kho("evidence", "verify", "--repo", repo.toString(), "--public-key",
        tmp.resolve("signing/signing.pub").toString()).code()).isZero();
    Run listed = kho("ls", "--repo", repo.toString(), "--password-file", pw1.toString(), "latest");
    assertThat(listed.out()).contains("a.txt").doesNotContain("b.tmp");
    Run unknown = kho("backup", "--config", cfg.toString(), "nothing-here");
    assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
  }

  private static JsonNode json(Run run) {
    try {
      return new ObjectMapper().readTree(run.out());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + run.out() + run.err(), e);
    }
  }
}
