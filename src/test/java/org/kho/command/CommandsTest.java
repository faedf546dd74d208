package org.kho.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private final Commands commands = new Commands(Map.of("PATH", System.getenv("PATH"), "KHO_PASSWORD", "repo-secret"));

  @TempDir
  Path tmp;

  private static ExternalCommand sh(String script) {
    return ExternalCommand.of(List.of("/bin/sh", "-c", script), MINUTE);
  }

  private static String readAll(InputStream in) throws Exception {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void outputOfASucceedingCommandEndsNormally() throws Exception {
    assertThat(readAll(commands.output(ExternalCommand.of(List.of("printf", "a\\nb"), MINUTE)))).isEqualTo("a\nb");
  }

  @Test
  void failingCommandThrowsInsteadOfEndingItsOutputAndShowsTheTailOfStderr() {
    InputStream out = commands.output(sh("echo partial; echo 'pg_dump: error: database \"nope\" does not exist' >&2; exit 3"));
    assertThatThrownBy(() -> readAll(out)).isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("exit status 3").hasMessageContaining("database \"nope\" does not exist");
  }

  @Test
  void commandPastItsTimeLimitIsStoppedAndCountsAsFailed() {
    ExternalCommand slow = ExternalCommand.of(List.of("sleep", "60"), Duration.ofMillis(200));
    assertThatThrownBy(() -> readAll(commands.output(slow))).isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("time limit").hasMessageContaining("0.2s")
        .extracting(e -> ((CommandFailedException) e).hint()).asString().contains("timeout");
  }

  @Test
  void secretVariableValuesNeverAppearInTheMessage() {
    ExternalCommand leaky = new ExternalCommand("dump", List.of("/bin/sh", "-c", "echo \"auth failed for $PGPASSWORD\" >&2; exit 1"),
        Map.of("PGPASSWORD", "hunter2"), Set.of("PGPASSWORD"), MINUTE);
    assertThatThrownBy(() -> commands.run(leaky)).isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("auth failed for ***").message().doesNotContain("hunter2");
  }

  @Test
  void khoOwnVariablesAreNotPassedOnButTheCommandsAreSet() throws Exception {
    ExternalCommand c = sh("echo ${KHO_PASSWORD:-unset} $PGHOST").withEnv(Map.of("PGHOST", "db.local"));
    assertThat(readAll(commands.output(c)).strip()).isEqualTo("unset db.local");
  }

  @Test
  void programThatDoesNotExistFailsWithAHint() {
    assertThatThrownBy(() -> commands.run(ExternalCommand.of(List.of("/nonexistent/pg_dump"), MINUTE)))
        .isInstanceOf(CommandFailedException.class).hasMessageContaining("cannot start")
        .extracting(e -> ((CommandFailedException) e).hint()).asString().contains("installed");
  }

  @Test
  void inputCommandReceivesEverythingAndItsExitStatusIsChecked() throws Exception {
    Path copy = tmp.resolve("copy");
    try (OutputStream in = commands.input(ExternalCommand.of(List.of("/bin/sh", "-c", "cat > '" + copy + "'"), MINUTE))) {
      in.write("stored dump".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(copy).hasContent("stored dump");

    OutputStream failing = commands.input(sh("cat >/dev/null; echo 'pg_restore: error: bad input' >&2; exit 1"));
    failing.write(new byte[] {1, 2, 3});
    assertThatThrownBy(failing::close).isInstanceOf(CommandFailedException.class).hasMessageContaining("bad input");
  }

  @Test
  void abortedInputStopsTheCommandRatherThanEndingItsInput() throws Exception {
    Path marker = tmp.resolve("finished");
    Commands.Input in = commands.input(sh("cat >/dev/null && touch '" + marker + "'"));
    in.write(new byte[] {1});
    in.abort(); // returns once the command has gone
    in.close();
    assertThat(Files.exists(marker)).isFalse();
  }

  @Test
  void hookFailureNamesTheHook() {
    ExternalCommand hook = new ExternalCommand("stop the application", List.of("false"), Map.of(), Set.of(), MINUTE);
    assertThatThrownBy(() -> commands.run(hook)).hasMessageStartingWith("'stop the application' (false) failed with exit status 1");
  }
}
