package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged packs as the CLI reports them: {@code check --read-data} exits 14 naming the pack and
 * each file it affects, and {@code restore} exits 14 leaving out exactly those files, while every
 * other file restores byte for byte. (Damage to each kind of object is in {@code TamperTest}.)
 */
class TamperIT {
  private static final String PASSWORD = "tamper-test-password";
  private static final Map<String, String> ENV = Map.of("KHO_PASSWORD", PASSWORD);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNDER = " and everything under it";

  @TempDir
  Path tmp;
  Path repo;
  Path src;
  String snapshot;

  @BeforeEach
  void backUp() throws Exception {
    src = Files.createDirectories(tmp.resolve("src"));
    Random random = new Random(3);
    Files.write(src.resolve("big.bin"), bytes(random, 3 << 20));
    for (int i = 0; i < 12; i++) {
      Files.write(Files.createDirectories(src.resolve("small")).resolve("f" + i), bytes(random, 128 << 10));
    }
    Files.writeString(Files.createDirectories(src.resolve("sub/deep")).resolve("notes.txt"), "keep this ".repeat(5000));
    repo = tmp.resolve("repo");
    Kho.cheapRepository(repo, PASSWORD);
    Kho.Run backup = kho("backup", "--json", "--allow-same-device", "test", src.toString());
    assertThat(backup.code()).as(backup.err()).isZero();
    snapshot = JSON.readTree(backup.out()).get("snapshot").asText();
    assertThat(kho("check", "--read-data").code()).as("check before any damage").isZero();
  }

  @Test
  void flippedByteInAPackIsNamedAndOnlyWhatItAffectsIsLeftOut() throws Exception {
    Path pack = largestPack();
    try (RandomAccessFile file = new RandomAccessFile(pack.toFile(), "rw")) {
      long middle = file.length() / 2;
      file.seek(middle);
      int b = file.read();
      file.seek(middle);
      file.write(~b);
    }

    Kho.Run check = kho("check", "--read-data");

    assertThat(check.code()).as(check.out() + check.err()).isEqualTo(ExitCodes.DAMAGED);
    assertThat(check.out()).contains("error: pack " + pack.getFileName() + " does not match its name");
    assertRestoreLeavesOutExactly(affected(check.out()));
  }

  @Test
  void deletedPackIsNamedAndOnlyWhatItHeldIsLeftOut() throws Exception {
    Path pack = largestPack();
    Files.delete(pack);

    Kho.Run check = kho("check", "--read-data");

    assertThat(check.code()).as(check.out() + check.err()).isEqualTo(ExitCodes.DAMAGED);
    assertThat(check.out()).contains("error: pack " + pack.getFileName() + " is missing");
    assertRestoreLeavesOutExactly(affected(check.out()));
  }

  /** The paths check says are affected (files, or folders with everything under them). */
  private Set<String> affected(String checkOutput) {
    String prefix = "    affects snapshot " + snapshot.substring(0, 8) + " (";
    Set<String> paths = new HashSet<>();
    checkOutput.lines().filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(l.indexOf("): ") + 3))
        .forEach(p -> paths.add(p.endsWith(UNDER) ? p.substring(0, p.length() - UNDER.length()) : p));
    assertThat(paths).as("affected files named in:%n%s", checkOutput).isNotEmpty();
    return paths;
  }

  /**
   * Restores the snapshot: it fails (14) for exactly the {@code affected} paths, writes nothing
   * under them, and everything else byte for byte. If the root folder is affected, nothing at all.
   */
  private void assertRestoreLeavesOutExactly(Set<String> affected) throws Exception {
    Path target = tmp.resolve("restored");
    Kho.Run restore = kho("restore", snapshot, "--target", target.toString(), "--verify", "--json");

    assertThat(restore.code()).as(restore.out() + restore.err()).isEqualTo(ExitCodes.DAMAGED);
    assertThat(restore.err()).doesNotContain("Exception");
    List<Path> sources;
    try (Stream<Path> all = Files.walk(src)) {
      sources = all.filter(Files::isRegularFile).toList();
    }
    if (affected.contains("/")) {
      assertThat(restore.err()).contains("kho: ");
      assertThat(Files.exists(target) ? regularFiles(target) : List.of()).isEmpty();
      return;
    }
    Set<String> failed = new HashSet<>();
    for (JsonNode f : JSON.readTree(restore.out()).get("failures")) {
      failed.add(f.get("path").asText());
    }
    assertThat(failed).as("restore's failures are check's findings").isEqualTo(affected);
    Path back = target.resolve(src.toString().substring(1));
    for (Path file : sources) {
      Path restored = back.resolve(src.relativize(file));
      if (affected.stream().anyMatch(a -> file.toString().equals(a) || file.toString().startsWith(a + "/"))) {
        assertThat(restored).as("affected").doesNotExist();
      } else {
        assertThat(restored).hasSameBinaryContentAs(file);
      }
    }
  }

  private Path largestPack() throws IOException {
    try (Stream<Path> all = Files.walk(repo.resolve("data"))) {
      return all.filter(Files::isRegularFile).max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    }
  }

  private static List<Path> regularFiles(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile).toList();
    }
  }

  private Kho.Run kho(String command, String... args) throws Exception {
    return Kho.run(ENV, repo, command, args);
  }

  private static byte[] bytes(Random random, int size) {
    byte[] b = new byte[size];
    random.nextBytes(b);
    return b;
  }
}
