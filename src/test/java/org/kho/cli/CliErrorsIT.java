package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.repository.Host;
import org.kho.repository.Repository;

/**
 * What a user sees when kho cannot do its work: the documented exit code, one clear "kho:" line
 * (with at most a hint under it), no stack trace, and never the password.
 */
class CliErrorsIT {
  private static final String PASSWORD = "correct-Horse-7-battery";
  private static final Map<String, String> ENV = Map.of("KHO_PASSWORD", PASSWORD);

  @TempDir
  Path tmp;

  @Test
  void wrongPasswordExitsElevenWithOneLineAndNoSecret() throws Exception {
    Path repo = tmp.resolve("repo");
    Kho.Run init = Kho.run(ENV, "repo", "init", "--repo", repo.toString());
    assertThat(init.code()).as(init.err()).isZero();
    String wrong = "wrong-Staple-9-horse";
    Path passwordFile = Files.writeString(tmp.resolve("password"), wrong + "\n");

    Kho.Run run = Kho.run(Map.of(), "snapshots", "--repo", repo.toString(), "--password-file", passwordFile.toString());

    assertOneClearMessage(run, ExitCodes.WRONG_KEY, "wrong password", wrong);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void missingRepositoryExitsTenWhetherTheFolderIsAbsentOrEmpty() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));

    Kho.Run absent = Kho.run(ENV, "snapshots", "--repo", tmp.resolve("absent").toString());
    Kho.Run none = Kho.run(ENV, "backup", "--repo", empty.toString(), "--allow-same-device", "test", tmp.toString());

    assertOneClearMessage(absent, ExitCodes.NO_REPOSITORY, "no Kho repository at " + tmp.resolve("absent"), PASSWORD);
    assertOneClearMessage(none, ExitCodes.NO_REPOSITORY, "no Kho repository at " + empty, PASSWORD);
    assertThat(absent.err()).contains("kho repo init");
  }

  /**
   * No command takes an exclusive lock yet (prune will), so this JVM holds one, as a prune running
   * elsewhere on this host would, while kho runs.
   */
  @Test
  void lockedRepositoryExitsTwelveNamingTheHolder() throws Exception {
    Path repo = tmp.resolve("repo");
    Kho.cheapRepository(repo, PASSWORD);
    Kho.Run locked;
    try (Repository r = Kho.open(repo, PASSWORD); AutoCloseable lock = r.lock(true)) {
      locked = Kho.run(ENV, "check", "--repo", repo.toString());
    }
    Kho.Run after = Kho.run(ENV, "check", "--repo", repo.toString());

    assertOneClearMessage(locked, ExitCodes.LOCKED, "locked", PASSWORD);
    assertThat(locked.err()).contains("exclusive lock", "@" + new Host().name(),
        "pid " + ProcessHandle.current().pid());
    assertThat(after.code()).as("once the lock is released: %s", after.err()).isZero();
  }

  @Test
  void fullTargetExitsThirteenAndLeavesTheRepositorySound() throws Exception {
    Path mount = Files.createDirectories(tmp.resolve("small-disk"));
    assumeTrue(exec("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString()) == 0,
        "mounting a 4 MiB tmpfs needs root (CAP_SYS_ADMIN); skipped");
    try {
      Path repo = mount.resolve("repo");
      Kho.cheapRepository(repo, PASSWORD);
      Path src = Files.createDirectories(tmp.resolve("src"));
      Files.write(src.resolve("random.bin"), random(16 << 20, 1));

      Kho.Run full = Kho.run(ENV, "backup", "--repo", repo.toString(), "--allow-same-device", "test", src.toString());
      Kho.Run check = Kho.run(ENV, "check", "--repo", repo.toString(), "--read-data");

      assertOneClearMessage(full, ExitCodes.TARGET_FULL, "is full", PASSWORD);
      assertThat(check.code()).as("check after the failed backup: %s%s", check.out(), check.err()).isZero();
    } finally {
      exec("umount", mount.toString());
    }
  }

  /**
   * chmod 000 stops only a process without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH; as root, kho
   * runs under setpriv with those dropped, so the file is as unreadable to it as to any user.
   */
  @Test
  void unreadableSourceFileExitsFourAndNamesTheFile() throws Exception {
    Path repo = tmp.resolve("repo");
    Kho.cheapRepository(repo, PASSWORD);
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(src.resolve("readable.txt"), "kept");
    Path locked = Files.writeString(src.resolve("locked.txt"), "not for kho");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    List<String> unprivileged = isRoot()
        ? List.of("setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search") : List.of();
    assumeTrue(exec(unprivileged, "head", "-c1", locked.toString()) != 0,
        "cannot make a file unreadable here (as root this needs setpriv from util-linux)");

    Kho.Run run = Kho.run(Kho.process(ENV, unprivileged,
        "backup", "--repo", repo.toString(), "--allow-same-device", "test", src.toString()));
    Kho.Run snapshots = Kho.run(ENV, "snapshots", "--repo", repo.toString());

    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCodes.INCOMPLETE);
    assertThat(run.out()).containsOnlyOnce(locked.toString())
        .contains(locked + ": could not be read: permission denied")
        .doesNotContain(src.resolve("readable.txt").toString(), PASSWORD);
    assertThat(run.err()).doesNotContain("Exception", PASSWORD);
    assertThat(snapshots.out()).as("the snapshot of what could be read is saved").contains("(incomplete)");
  }

  @Test
  void noPasswordExitsTwoWithAHint() throws Exception {
    Path repo = tmp.resolve("repo");
    Kho.cheapRepository(repo, PASSWORD);

    Kho.Run run = Kho.run(Map.of(), "snapshots", "--repo", repo.toString());

    assertOneClearMessage(run, ExitCodes.USAGE, "no password given", PASSWORD);
    assertThat(run.err()).contains("--password-file", "KHO_PASSWORD");
  }

  /** The exit code, one "kho:" line holding {@code message} (a hint may follow), and nothing secret. */
  private static void assertOneClearMessage(Kho.Run run, int code, String message, String secret) {
    assertThat(run.code()).as("exit code; stderr: %s", run.err()).isEqualTo(code);
    List<String> lines = run.err().lines().toList();
    assertThat(lines).as("stderr").filteredOn(l -> l.startsWith("kho: ")).singleElement().asString().contains(message);
    assertThat(lines).as("stderr: a message and at most a hint").hasSizeBetween(1, 2);
    assertThat(run.err()).doesNotContain("Exception", "\tat ");
    assertThat(run.out() + run.err()).as("output").doesNotContain(secret);
  }

  private static int exec(String... command) throws IOException, InterruptedException {
    return exec(List.of(), command);
  }

  private static int exec(List<String> wrapper, String... command) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(wrapper);
    all.addAll(List.of(command));
    return new ProcessBuilder(all).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
