package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as a user would, in its own JVM. */
class CliIT {
  @TempDir
  Path tmp;

  @Test
  void versionNamesKhoAndJava25() throws Exception {
    Kho.Run run = Kho.run(Map.of(), "--version");
    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("kho ").contains("Java 25");
  }

  @Test
  void initCheckAndPlanWorkFromTheJarWithKhoConfig() throws Exception {
    Path dir = tmp.resolve("cfg");
    assertThat(Kho.run(Map.of(), "init", dir.toString()).code()).isZero();
    assertThat(dir.resolve("schema/catalogue.schema.json")).exists();
    Kho.Run check = Kho.run(Map.of("KHO_CONFIG", dir.toString()), "catalogue", "check");
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.out()).contains("is valid");
    Kho.Run plan = Kho.run(Map.of("KHO_CONFIG", dir.toString()), "plan", "--days", "90", "--json");
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(plan.out()).containsPattern("\"at\" : \"20\\d\\d-\\d\\d-\\d\\dT22:00:00\\+07:00\"");
    assertThat(plan.err()).isEmpty();
  }

  @Test
  void brokenYamlGivesAPositionAndNoStackTrace() throws Exception {
    Path dir = tmp.resolve("cfg");
    assertThat(Kho.run(Map.of(), "init", dir.toString()).code()).isZero();
    Files.writeString(dir.resolve("catalogue.yaml"), "version: 1\nitems:\n  - id: a\n   name: b\n");
    Kho.Run check = Kho.run(Map.of(), "catalogue", "check", "--config", dir.toString());
    assertThat(check.code()).isEqualTo(3);
    assertThat(check.err()).containsPattern("catalogue\\.yaml:\\d+:\\d+: ").doesNotContain("Exception", "\tat ");
  }

  @Test
  void shellCompletionScriptIsGenerated() throws Exception {
    Kho.Run run = Kho.run(Map.of(), "generate-completion");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("complete -F", "catalogue", "plan");
  }

  @Test
  void quickstartPrintsWhatItDid() throws Exception {
    Kho.Run run = Kho.run(Map.of(), "quickstart", "--dir", tmp.resolve("q").toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Checked it against policy table vn-2020.1", "backup");
  }
}
