package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AOT cache's training run (pom.xml) goes through every step, so the cache covers what users run. */
class AotTrainingIT {
  @Test
  void trainingRunsEveryCommandAndArchivesThreeMonthsOfLogs(@TempDir Path tmp) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-Xmx128m", "-cp", Path.of("target/kho.jar").toAbsolutePath().toString(),
        "org.kho.cli.AotTraining", tmp.resolve("training").toString())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().keySet().removeIf(name -> name.startsWith("KHO_"));
    Kho.Run run = Kho.run(pb);

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    List<String> steps = run.out().lines().filter(l -> l.startsWith("kho ")).toList();
    assertThat(steps).hasSize(11).allMatch(l -> l.endsWith("-> exit 0"));
    assertThat(steps).anyMatch(l -> l.startsWith("kho logs archive")).anyMatch(l -> l.startsWith("kho restore"));
    try (Stream<Path> months = Files.list(tmp.resolve("training/logs-repository/snapshots"))) {
      assertThat(months).hasSize(3);
    }
  }
}
