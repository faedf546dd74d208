package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command's output backed up ad hoc, copied to a second repository made with shared keys, and restored from the copy. */
class CopyIT {
  @TempDir
  Path tmp;

  @Test
  void streamedBackupCopiedToASecondDiskKeepsItsSignatureAndRestoresIntoACommand() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Kho.cheapRepository(a, "pw-a");
    Path pwA = Files.writeString(tmp.resolve("a.pass"), "pw-a");
    Path pwB = Files.writeString(tmp.resolve("b.pass"), "pw-b");
    assertThat(Kho.run(Map.of(), "key", "signing-init", "--out", tmp.resolve("signing").toString()).code()).isZero();
    Map<String, String> env = Map.of("KHO_SIGNING_KEY_FILE", tmp.resolve("signing/signing.key").toString());

    Kho.Run backup = Kho.run(env, "backup", "--repo", a.toString(), "--password-file", pwA.toString(),
        "--stdin-from-command", "printf 'CREATE TABLE t(n int);\\n'", "--stdin-name", "db.sql");
    assertThat(backup.code()).as(backup.err()).isZero();
    assertThat(backup.out()).contains("signed by key");

    Kho.Run init = Kho.run(Map.of(), "repo", "init", "--repo", b.toString(), "--password-file", pwB.toString(),
        "--copy-params-from", a.toString(), "--from-password-file", pwA.toString());
    assertThat(init.code()).as(init.err()).isZero();
    Kho.Run copy = Kho.run(Map.of(), "copy", "--from-repo", a.toString(), "--from-password-file", pwA.toString(),
        "--to-repo", b.toString(), "--to-password-file", pwB.toString());
    assertThat(copy.code()).as(copy.err()).isZero();
    assertThat(copy.out()).contains("copied 1 snapshot", "as stored", "signed by key");
    Kho.Run again = Kho.run(Map.of(), "copy", "--from-repo", a.toString(), "--from-password-file", pwA.toString(),
        "--to-repo", b.toString(), "--to-password-file", pwB.toString());
    assertThat(again.out()).contains("copied 0 snapshots (1 already there)");

    Kho.Run verify = Kho.run(Map.of(), "evidence", "verify", "--repo", b.toString(), "--public-key",
        tmp.resolve("signing/signing.pub").toString());
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    Path out = tmp.resolve("restored.sql");
    Kho.Run restore = Kho.run(Map.of(), "restore", "latest", "--repo", b.toString(), "--password-file", pwB.toString(),
        "--include", "/db.sql", "--to-command", "sh -c 'cat > \"$0\"' " + out);
    assertThat(restore.code()).as(restore.err()).isZero();
    assertThat(out).hasContent("CREATE TABLE t(n int);");

    Kho.Run refused = Kho.run(Map.of(), "restore", "latest", "--repo", b.toString(), "--password-file", pwB.toString(),
        "--include", "/db.sql", "--to-command", "cat | gzip");
    assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("--shell");
  }
}
