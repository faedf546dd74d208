package org.kho.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.core.ItemId;

/** The {@code env:} of a command source or hook: plain values, secret references, and secrets written inline. */
class CommandEnvTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T05:00:00Z"), ZoneOffset.UTC);
  private static final String ENV = "        env: {PGHOST: /run/postgresql, PGPASSWORD: {file: /etc/kho/secrets/hr-db.pass}}\n";

  @TempDir
  Path config;

  private CatalogueLoader.Result withEnv(String env) throws IOException {
    return ExampleConfig.load(config, CLOCK, ENV, "        env: " + env + "\n");
  }

  @Test
  void plainValuesAndSecretReferencesReachTheCommand() throws IOException {
    CatalogueLoader.Result result = withEnv("{PGHOST: /run/postgresql, PGPORT: 5433, PGPASSWORD: {file: /etc/kho/secrets/hr.pass}}");
    assertThat(result.errors()).isEmpty();
    Item hr = result.catalogue().orElseThrow().item(new ItemId("hr-db")).orElseThrow();
    CommandLine dump = ((Source.Command) hr.sources().getFirst()).command();
    assertThat(dump.env()).containsEntry("PGHOST", new CommandLine.EnvValue.Plain("/run/postgresql"))
        .containsEntry("PGPORT", new CommandLine.EnvValue.Plain("5433"))
        .containsEntry("PGPASSWORD", new CommandLine.EnvValue.Secret(new SecretRef.FromFile(Path.of("/etc/kho/secrets/hr.pass"))));
  }

  @Test
  void aSecretWrittenInlineIsAnErrorThatNeverShowsTheValue() throws IOException {
    CatalogueLoader.Result result = withEnv("{PGPASSWORD: hunter2}");
    assertThat(result.errors()).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("PGPASSWORD looks like a secret").doesNotContain("hunter2");
      assertThat(p.hint()).contains("{file:");
    });
  }

  @Test
  void khoOwnVariablesCannotBeSetForACommand() throws IOException {
    assertThat(withEnv("{KHO_PASSWORD_FILE: /tmp/x}").errors()).extracting(Problem::message)
        .anyMatch(m -> m.contains("'KHO_PASSWORD_FILE' is not a variable name a command may be given"));
  }
}
