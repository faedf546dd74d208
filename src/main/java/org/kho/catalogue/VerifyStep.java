package org.kho.catalogue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** One verification step of a drill plan: a command run against the restored data, or a database check. */
public sealed interface VerifyStep {
  /** What the step checks, as the drill report shows it. */
  String name();

  /** How long the step may run before it is stopped and counted as failed. */
  Duration timeout();

  /** A command (words or a shell line) run with {@code KHO_RESTORED} naming the restored data. */
  record Run(CommandLine command) implements VerifyStep {
    @Override
    public String name() {
      return command.name();
    }

    @Override
    public Duration timeout() {
      return command.timeout();
    }
  }

  /**
   * A PostgreSQL dump restored into a throw-away database (a new, randomly named database, dropped
   * afterwards whatever happens), then a query run in it. The server and login come from the
   * libpq variables in {@code env} (PGHOST, PGPORT, PGUSER, PGPASSWORD as a secret reference) or
   * Kho's environment: never from the command line.
   *
   * @param dump the restored file holding the dump, relative to the restored data (e.g. {@code hr.dump})
   * @param query SQL run in the restored database; it must succeed
   * @param atLeast when present, the query's first value must be a number at least this
   * @param bin the folder holding psql and pg_restore; empty: found on PATH
   */
  record Postgres(String name, String dump, String query, OptionalLong atLeast, Optional<Path> bin, Duration timeout,
      Map<String, CommandLine.EnvValue> env) implements VerifyStep {
    /** Copies the variables. */
    public Postgres {
      env = Map.copyOf(env);
    }
  }
}
