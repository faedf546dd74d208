package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kho.cli.CliTest.kho;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.backup.TestBackups;
import org.kho.cli.CliTest.Run;
import org.kho.crypto.SigningKey;
import org.kho.repository.Repository;
import org.kho.repository.SnapshotRef;

/** {@code kho evidence verify}, {@code kho ls} and {@code kho diff} on a real folder repository. */
class SnapshotCommandsTest {
  private static final SigningKey KEY = SigningKey.generate();

  @TempDir(factory = org.kho.testing.ProjectTempDirs.class)
  Path tmp;
  Path src;
  Path repoDir;
  Path passwordFile;
  Path publicKey;
  String at;
  Repository repo;

  @BeforeEach
  void setUp() throws IOException {
    src = TestBackups.smallSource(tmp.resolve("src"));
    at = src.toAbsolutePath().toString();
    repoDir = tmp.resolve("repo");
    repo = TestBackups.init(repoDir);
    passwordFile = Files.writeString(tmp.resolve("password"), TestBackups.PASSWORD + "\n");
    publicKey = Files.writeString(tmp.resolve("signing.pub"), KEY.verifying().pem());
  }

  private SnapshotRef signedBackup() {
    repo.signWith(KEY);
    return TestBackups.backup(repo, src);
  }

  private Run verify(String... more) {
    List<String> args = new ArrayList<>(List.of("evidence", "verify", "--repo", repoDir.toString(),
        "--public-key", publicKey.toString()));
    args.addAll(List.of(more));
    return kho(args.toArray(String[]::new));
  }

  private Run withPassword(String command, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--repo", repoDir.toString(),
        "--password-file", passwordFile.toString()));
    args.addAll(List.of(more));
    return kho(args.toArray(String[]::new));
  }

  @Test
  void evidenceVerifyExitsZeroWhenEverySnapshotIsSigned() {
    SnapshotRef s = signedBackup();
    Run run = verify();
    assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("checked with key " + KEY.verifying().fingerprint(), "kho.snapshot.v1", s.shortId(),
        "OK: 1 verified, 0 failed, 0 unsigned snapshots");
  }

  @Test
  void evidenceVerifyExitsOneForAnAlteredSnapshotAndAnUnsignedOne() throws IOException {
    SnapshotRef unsigned = TestBackups.backup(repo, src);
    SnapshotRef signed = signedBackup();
    Path file = repoDir.resolve("snapshots").resolve(signed.id());
    byte[] bytes = Files.readAllBytes(file);
    bytes[0] ^= 1;
    Files.write(file, bytes);
    Run run = verify();
    assertThat(run.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.out()).contains("snapshot altered", signed.id(), "Unsigned snapshots", unsigned.shortId(),
        "NOT OK: 0 verified, 1 failed, 1 unsigned snapshot");
  }

  @Test
  void evidenceVerifyWithAnotherKeyNamesBothKeysInJson() throws IOException {
    signedBackup();
    SigningKey other = SigningKey.generate();
    Files.writeString(publicKey, other.verifying().pem());
    Run run = verify("--json");
    assertThat(run.code()).isEqualTo(ExitCodes.FAILED);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("ok").asBoolean()).isFalse();
    JsonNode failure = json.get("failures").get(0);
    assertThat(failure.get("problem").asText()).isEqualTo("OTHER_SIGNER");
    assertThat(failure.get("detail").asText()).contains(KEY.verifying().fingerprint(), other.verifying().fingerprint());
  }

  @Test
  void evidenceVerifyOfAFolderWithoutARepositorySaysSo() {
    repoDir = tmp.resolve("src");
    Run run = verify();
    assertThat(run.code()).isEqualTo(ExitCodes.NO_REPOSITORY);
    assertThat(run.err()).contains("no Kho repository at").doesNotContain("Exception");
  }

  @Test
  void lsListsTheWholeSnapshotOrOneFolder() {
    SnapshotRef s = signedBackup();
    Run all = withPassword("ls", s.shortId());
    assertThat(all.code()).as(all.err()).isZero();
    assertThat(all.out()).contains(at + "/docs\n", at + "/docs/note.txt\n", at + "/secret.txt\n");
    Run top = withPassword("ls", s.shortId(), at);
    assertThat(top.out().lines().toList()).containsExactly(at + "/docs", at + "/secret.txt");
  }

  @Test
  void lsLongShowsPermissionsOwnerAndSize() {
    SnapshotRef s = signedBackup();
    Run run = withPassword("ls", "-l", s.shortId(), at + "/secret.txt");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("-rw-------\\s+" + System.getProperty("user.name") + "\\s+\\S+\\s+10\\s+"
        + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+" + at + "/secret.txt");
  }

  @Test
  void lsLongShowsSetuidAndStickyBits() throws IOException {
    Files.setAttribute(src.resolve("secret.txt"), "unix:mode", 04755);
    Files.setAttribute(src.resolve("docs"), "unix:mode", 01777);
    SnapshotRef s = signedBackup();
    Run run = withPassword("ls", "-l", s.shortId(), at);
    assertThat(run.out()).containsPattern("-rwsr-xr-x\\s.*/secret.txt").containsPattern("drwxrwxrwt\\s.*/docs");
  }

  @Test
  void lsAsJsonGivesTheEntries() throws IOException {
    SnapshotRef s = signedBackup();
    Run run = withPassword("ls", "--json", s.shortId(), at + "/docs");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("snapshot").asText()).isEqualTo(s.id());
    assertThat(json.get("entries").get(0).get("path").asText()).isEqualTo(at + "/docs/note.txt");
    assertThat(json.get("entries").get(0).get("size").asLong()).isEqualTo(5);
  }

  @Test
  void lsWithAWrongPasswordFails() throws IOException {
    SnapshotRef s = signedBackup();
    Files.writeString(passwordFile, "wrong");
    Run run = withPassword("ls", s.shortId());
    assertThat(run.code()).isEqualTo(ExitCodes.WRONG_KEY);
    assertThat(run.err()).contains("wrong password");
  }

  @Test
  void diffMarksEachChange() throws IOException {
    SnapshotRef before = signedBackup();
    Files.writeString(src.resolve("docs/added.txt"), "new");
    Files.delete(src.resolve("docs/note.txt"));
    Files.writeString(src.resolve("secret.txt"), "a longer secret");
    SnapshotRef after = signedBackup();
    Run run = withPassword("diff", before.shortId(), after.shortId());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Snapshot " + before.shortId() + " -> " + after.shortId(),
        "+  " + at + "/docs/added.txt\n", "-  " + at + "/docs/note.txt\n", "M  " + at + "/secret.txt\n",
        "U  " + at + "/docs/  (mtime)", "1 added, 1 removed, 1 modified");
  }

  @Test
  void diffAsJsonListsTheChanges() throws IOException {
    SnapshotRef before = signedBackup();
    Files.setPosixFilePermissions(src.resolve("secret.txt"), PosixFilePermissions.fromString("rw-r-----"));
    SnapshotRef after = signedBackup();
    JsonNode json = new ObjectMapper().readTree(withPassword("diff", "--json", before.shortId(), after.shortId()).out());
    assertThat(json.get("changes")).hasSize(1);
    JsonNode change = json.get("changes").get(0);
    assertThat(change.get("kind").asText()).isEqualTo("METADATA");
    assertThat(change.get("path").asText()).isEqualTo(at + "/secret.txt");
    assertThat(change.get("what").get(0).asText()).isEqualTo("mode");
  }

  @Test
  void theNewCommandsHaveHelpListingTheExitCodes() {
    for (String[] command : List.of(new String[] {"evidence", "verify", "--help"}, new String[] {"ls", "--help"},
        new String[] {"diff", "--help"})) {
      Run run = kho(command);
      assertThat(run.code()).isZero();
      assertThat(run.out()).as(String.join(" ", command)).contains("Usage: kho", "Exit codes:");
    }
  }
}
