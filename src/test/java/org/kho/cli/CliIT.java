package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as a user would, in its own JVM. */
class CliIT {
  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {}

  static Run kho(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-jar", System.getProperty("kho.jar", "target/kho.jar")));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("KHO_CONFIG");
    pb.environment().putAll(env);
    Path out = Files.createTempFile("kho-out", ".txt");
    Path err = Files.createTempFile("kho-err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("kho finished").isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void versionNamesKhoAndJava25() throws Exception {
    Run run = kho(Map.of(), "--version");
    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("kho ").contains("Java 25");
  }

  @Test
  void initCheckAndPlanWorkFromTheJarWithKhoConfig() throws Exception {
    Path dir = tmp.resolve("cfg");
    assertThat(kho(Map.of(), "init", dir.toString()).code()).isZero();
    assertThat(dir.resolve("schema/catalogue.schema.json")).exists();
    Run check = kho(Map.of("KHO_CONFIG", dir.toString()), "catalogue", "check");
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.out()).contains("is valid");
    Run plan = kho(Map.of("KHO_CONFIG", dir.toString()), "plan", "--days", "90", "--json");
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(plan.out()).containsPattern("\"at\" : \"20\\d\\d-\\d\\d-\\d\\dT22:00:00\\+07:00\"");
    assertThat(plan.err()).isEmpty();
  }

  @Test
  void brokenYamlGivesAPositionAndNoStackTrace() throws Exception {
    Path dir = tmp.resolve("cfg");
    assertThat(kho(Map.of(), "init", dir.toString()).code()).isZero();
    Files.writeString(dir.resolve("catalogue.yaml"), "version: 1\nitems:\n  - id: a\n   name: b\n");
    Run check = kho(Map.of(), "catalogue", "check", "--config", dir.toString());
    assertThat(check.code()).isEqualTo(3);
    assertThat(check.err()).containsPattern("catalogue\\.yaml:\\d+:\\d+: ").doesNotContain("Exception", "\tat ");
  }

  @Test
  void shellCompletionScriptIsGenerated() throws Exception {
    Run run = kho(Map.of(), "generate-completion");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("complete -F", "catalogue", "plan");
  }

  @Test
  void quickstartPrintsWhatItDid() throws Exception {
    Run run = kho(Map.of(), "quickstart", "--dir", tmp.resolve("q").toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Checked it against policy table vn-2020.1", "backup");
  }
}
