package org.kho.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.backup.BackupProgress;
import org.kho.backup.BackupRequest;
import org.kho.backup.BackupService;
import org.kho.backup.TestBackups;
import org.kho.catalogue.CommandLine;
import org.kho.catalogue.DrillPlan;
import org.kho.catalogue.VerifyStep;
import org.kho.core.DrillPlanId;
import org.kho.core.ItemId;
import org.kho.core.ScheduleId;
import org.kho.drill.DrillStatement.Outcome;
import org.kho.repository.Repository;

/** The engine on a real repository: restores the slice, compares it, runs the steps, cleans up. */
class RestoreDrillTest {
  @TempDir
  Path tmp;

  private Path source;
  private Path scratch;

  private Repository backedUp(int files) throws Exception {
    source = Files.createDirectories(tmp.resolve("src"));
    for (int i = 0; i < files; i++) {
      Files.writeString(source.resolve("f" + i + ".txt"), "file " + i + " ".repeat(i));
    }
    scratch = tmp.resolve("scratch");
    Repository repo = TestBackups.init(tmp.resolve("repo"));
    new BackupService(repo, TestBackups.CLOCK, "test").run(new BackupRequest(List.of(new BackupRequest.Source(source,
        List.of(), List.of())), "docs", List.of(), Optional.empty(), false, Optional.of("test")), BackupProgress.NONE);
    return repo;
  }

  private DrillPlan plan(int percent, List<VerifyStep> steps) {
    return new DrillPlan(new DrillPlanId("p"), "test plan", List.of(new ItemId("docs")), new ScheduleId("monthly"),
        DrillPlan.SnapshotChoice.LATEST, percent, List.of(), scratch, steps, Optional.of(Duration.ofHours(1)),
        Optional.of(Duration.ofDays(1)));
  }

  private DrillStatement drill(Repository repo, DrillPlan plan, Slice slice, StepRunner steps) {
    return new RestoreDrill(TestBackups.CLOCK, steps).run(new RestoreDrill.Request(plan,
        List.of(new RestoreDrill.Source("docs", "disk", repo)), slice, List.of(source), "host", "An", null),
        DrillProgress.NONE);
  }

  private static final StepRunner NO_STEPS = (step, restored, env) -> {
    throw new AssertionError("no step expected");
  };

  @Test
  void aWholeDrillRestoresAndVerifiesEveryFileAndCleansUp() throws Exception {
    try (Repository repo = backedUp(12)) {
      DrillStatement s = drill(repo, plan(100, List.of()), new Slice(1, 0, 1), NO_STEPS);

      assertThat(s.outcome()).isEqualTo(Outcome.PASSED);
      assertThat(s.id()).isEqualTo("p-20261121T050000Z");
      assertThat(s.operator()).isEqualTo("An");
      DrillStatement.Item item = s.items().getFirst();
      assertThat(item.filesInSnapshot()).isEqualTo(12);
      assertThat(item.filesRestored()).isEqualTo(12);
      assertThat(item.filesVerified()).isEqualTo(12);
      assertThat(item.bytesVerified()).isEqualTo(item.bytesInSnapshot()).isPositive();
      assertThat(item.damaged()).isEmpty();
      assertThat(scratch).doesNotExist();
    }
  }

  @Test
  void aSampledDrillRestoresOnlyItsSlice() throws Exception {
    try (Repository repo = backedUp(60)) {
      Slice slice = new Slice(77, 2, 4);
      long expected = java.util.stream.IntStream.range(0, 60)
          .filter(i -> slice.contains(source.toAbsolutePath() + "/f" + i + ".txt")).count();

      DrillStatement.Item item = drill(repo, plan(25, List.of()), slice, NO_STEPS).items().getFirst();

      assertThat(item.filesInSnapshot()).isEqualTo(60);
      assertThat(item.filesRestored()).isEqualTo(expected).isLessThan(60);
      assertThat(item.filesVerified()).isEqualTo(expected);
    }
  }

  @Test
  void stepsSeeTheRestoredDataAndAFailingStepFailsTheDrill() throws Exception {
    try (Repository repo = backedUp(3)) {
      VerifyStep step = new VerifyStep.Run(new CommandLine("opens", List.of("true"), Duration.ofMinutes(1)));
      StepRunner runner = (s, restored, env) -> {
        assertThat(env).containsEntry("KHO_RESTORED", restored.toString()).containsEntry("KHO_DRILL_PLAN", "p");
        assertThat(restored.resolve(source.toAbsolutePath().toString().substring(1)).resolve("f1.txt")).exists();
        return new DrillStatement.Command(s.name(), List.of("check"), 2, new java.math.BigDecimal("0.5"), false, "f9.txt is missing");
      };

      DrillStatement s = drill(repo, plan(100, List.of(step)), new Slice(1, 0, 1), runner);

      assertThat(s.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(s.commands()).singleElement().satisfies(c -> assertThat(c.output()).isEqualTo("f9.txt is missing"));
      assertThat(s.reasons()).singleElement().asString().contains("'opens'");
    }
  }

  @Test
  void aDamagedPackFailsTheDrillNamingTheFilesItHeld() throws Exception {
    try (Repository repo = backedUp(5)) {
      Path pack;
      try (var packs = Files.walk(tmp.resolve("repo/data"))) {
        pack = packs.filter(Files::isRegularFile).max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
      }
      byte[] bytes = Files.readAllBytes(pack);
      bytes[40] ^= 0x55; // inside the first blob, far from the header at the end
      Files.write(pack, bytes);

      DrillStatement s = drill(repo, plan(100, List.of()), new Slice(1, 0, 1), NO_STEPS);

      assertThat(s.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(s.items().getFirst().damaged()).isNotEmpty()
          .allSatisfy(d -> assertThat(d).startsWith(source.toAbsolutePath() + "/"));
      assertThat(s.corrective()).isNotEmpty();
      assertThat(scratch).doesNotExist();
    }
  }

  @Test
  void theStatementRoundTripsThroughItsJson() throws Exception {
    try (Repository repo = backedUp(2)) {
      DrillStatement s = drill(repo, plan(100, List.of()), new Slice(-5, 0, 1), NO_STEPS);

      String json = s.json();

      assertThat(json).startsWith("{\"type\":\"kho.drill.v1\",\"id\":\"p-").doesNotContain("\"witness\"");
      assertThat(DrillStatement.parse(json)).contains(s);
      assertThat(DrillStatement.parse("{\"type\":\"kho.snapshot.v1\"}")).isEmpty();
    }
  }
}
