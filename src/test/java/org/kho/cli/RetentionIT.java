package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention end to end through the real CLI: hold, forget (dry run, then --yes), prune, check, restore. */
class RetentionIT {
  private static final String PASSWORD = "retention test";
  private static final Map<String, String> ENV = Map.of("KHO_PASSWORD", PASSWORD);
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path tmp;

  private Kho.Run kho(String command, String... args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of(command, "--repo", tmp.resolve("repo").toString()));
    all.addAll(List.of(args));
    return Kho.run(ENV, all.toArray(String[]::new));
  }

  /** {@code kho hold SUB --repo … args}. */
  private Kho.Run hold(String sub, String... args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("hold", sub, "--repo", tmp.resolve("repo").toString()));
    all.addAll(List.of(args));
    return Kho.run(ENV, all.toArray(String[]::new));
  }

  private String backup(Path src) throws Exception {
    Kho.Run run = kho("backup", "--json", "--allow-same-device", "test", src.toString());
    assertThat(run.code()).as(run.err()).isZero();
    return JSON.readTree(run.out()).get("snapshot").asText();
  }

  private static void random(Path file, int size, long seed) throws IOException {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    Files.write(file, b);
  }

  private long packBytes() throws IOException {
    try (Stream<Path> files = Files.walk(tmp.resolve("repo/data"))) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  @Test
  void forgetAndPruneFreeSpaceButKeepHeldSnapshotsRestorable() throws Exception {
    Kho.cheapRepository(tmp.resolve("repo"), PASSWORD);
    Path src = Files.createDirectories(tmp.resolve("src"));
    random(src.resolve("data.bin"), 400_000, 1);
    String held = backup(src);
    random(src.resolve("data.bin"), 400_000, 2);
    String forgotten = backup(src);
    random(src.resolve("data.bin"), 400_000, 3);
    String newest = backup(src);

    assertThat(hold("add", held.substring(0, 8), "--reason", "inspection 12/2026").code()).isZero();
    Kho.Run dry = kho("forget", "--keep-last", "1", "--json");
    assertThat(dry.code()).as(dry.err()).isZero();
    JsonNode decisions = JSON.readTree(dry.out()).get("decisions");
    assertThat(decisions).hasSize(3);
    for (JsonNode d : decisions) {
      assertThat(d.get("keep").asBoolean()).as(d.toString()).isEqualTo(!d.get("snapshot").asText().equals(forgotten));
    }
    assertThat(JSON.readTree(kho("snapshots", "--json").out())).as("a dry run forgets nothing").hasSize(3);

    Kho.Run forget = kho("forget", "--keep-last", "1", "--yes");
    assertThat(forget.code()).as(forget.err()).isZero();
    assertThat(forget.out()).contains("legal hold: inspection 12/2026", "forgot 1 snapshot");
    assertThat(JSON.readTree(kho("snapshots", "--json").out())).hasSize(2);

    long before = packBytes();
    Kho.Run dryPrune = kho("prune", "--json");
    assertThat(JSON.readTree(dryPrune.out()).get("unusedPacks").asInt()).as(dryPrune.out()).isPositive();
    assertThat(packBytes()).isEqualTo(before);
    Kho.Run prune = kho("prune", "--apply", "--grace", "0");
    assertThat(prune.code()).as(prune.err()).isZero();
    assertThat(prune.out()).contains("deleted: ");
    assertThat(packBytes()).isLessThan(before - 300_000);

    Kho.Run check = kho("check", "--read-data");
    assertThat(check.code()).as(check.out() + check.err()).isZero();
    for (String snapshot : List.of(held, newest)) {
      Path out = tmp.resolve("restore-" + snapshot.substring(0, 8));
      assertThat(kho("restore", snapshot.substring(0, 8), "--target", out.toString(), "--verify").code()).isZero();
    }
    random(tmp.resolve("expected.bin"), 400_000, 1);
    assertThat(tmp.resolve("restore-" + held.substring(0, 8)).resolve(src.toString().substring(1)).resolve("data.bin"))
        .hasSameBinaryContentAs(tmp.resolve("expected.bin"));

    assertThat(hold("remove", held.substring(0, 8), "--reason", "case closed").code())
        .as("releasing a hold needs --yes").isEqualTo(ExitCodes.USAGE);
    assertThat(hold("list").out()).contains("inspection 12/2026");
  }
}
