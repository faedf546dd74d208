package org.kho.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.kho.catalogue.CommandLine;
import org.kho.catalogue.VerifyStep;
import org.kho.command.Commands;
import org.kho.drill.DrillStatement;

/**
 * A drill's PostgreSQL check: creates a database with a random name ({@code kho_drill_<hex>}),
 * restores the dump into it ({@code pg_restore} for custom, tar and directory dumps, {@code psql}
 * for plain SQL), runs the query (and compares its first value with {@code atLeast}), and drops
 * the database in every case. libpq reads the server and login from the environment (the step's
 * {@code env}, secrets included, and Kho's own): nothing secret is ever a word of a command.
 */
final class PostgresCheck {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Commands commands;
  private final CommandFactory factory;
  private final DrillSteps.Clocked clock;

  PostgresCheck(Commands commands, CommandFactory factory, DrillSteps.Clocked clock) {
    this.commands = commands;
    this.factory = factory;
    this.clock = clock;
  }

  DrillStatement.Command run(VerifyStep.Postgres step, Path restored, Map<String, String> env) {
    byte[] suffix = new byte[6];
    RANDOM.nextBytes(suffix);
    String database = "kho_drill_" + HexFormat.of().formatHex(suffix);
    Path dump = restored.resolve(step.dump().startsWith("/") ? step.dump().substring(1) : step.dump());
    List<String> query = psql(step, database, "-A", "-t", "-c", step.query());
    Log log = new Log(step, env, query);
    long start = clock.millis();
    if (!Files.exists(dump)) {
      log.fail(-1, "the dump " + step.dump() + " is not among the restored files (" + dump + ")");
      return log.result(start);
    }
    if (!log.phase("create the throw-away database " + database,
        psql(step, "postgres", "-c", "CREATE DATABASE \"" + database + "\""))) {
      return log.result(start);
    }
    try {
      if (log.phase("restore " + step.dump() + " into " + database, restore(step, database, dump))) {
        Commands.Captured q = log.capture(query);
        log.line("query: " + step.query());
        log.line(q.output());
        if (!q.succeeded()) {
          log.fail(q.exit(), DrillSteps.output(q));
        } else {
          step.atLeast().ifPresent(min -> log.expect(q.output(), min));
        }
      }
    } finally {
      log.phase("drop the throw-away database " + database,
          psql(step, "postgres", "-c", "DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)"));
    }
    return log.result(start);
  }

  private static List<String> psql(VerifyStep.Postgres step, String database, String... args) {
    List<String> words = new ArrayList<>(List.of(program(step, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database));
    words.addAll(List.of(args));
    return words;
  }

  private static List<String> restore(VerifyStep.Postgres step, String database, Path dump) {
    if (Files.isDirectory(dump) || !plainSql(dump)) {
      return List.of(program(step, "pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", "-d", database,
          dump.toString());
    }
    return psql(step, database, "-f", dump.toString());
  }

  /** Whether the dump is plain SQL: custom dumps start with PGDMP, tar dumps have "ustar" at 257. */
  private static boolean plainSql(Path dump) {
    try (InputStream in = Files.newInputStream(dump)) {
      byte[] head = in.readNBytes(262);
      String text = new String(head, StandardCharsets.ISO_8859_1);
      return !text.startsWith("PGDMP") && !(head.length >= 262 && text.startsWith("ustar", 257));
    } catch (IOException e) {
      return true; // psql will say what is wrong with it
    }
  }

  private static String program(VerifyStep.Postgres step, String name) {
    return step.bin().map(b -> b.resolve(name).toString()).orElse(name);
  }

  /** The step's phases as they run: their output, and the first failure. */
  private final class Log {
    private final VerifyStep.Postgres step;
    private final Map<String, String> env;
    private final List<String> query;
    private final StringBuilder out = new StringBuilder();
    private int exit;
    private boolean passed = true;

    Log(VerifyStep.Postgres step, Map<String, String> env, List<String> query) {
      this.step = step;
      this.env = env;
      this.query = query;
    }

    Commands.Captured capture(List<String> words) {
      return commands.capture(factory.of(new CommandLine(step.name(), words, step.timeout(), step.env())).withEnv(env));
    }

    /** Runs one phase; returns whether it succeeded. */
    boolean phase(String what, List<String> words) {
      Commands.Captured c = capture(words);
      line((c.succeeded() ? "done: " : "FAILED: ") + what);
      if (!c.succeeded()) {
        fail(c.exit(), DrillSteps.output(c));
      } else if (!c.output().isBlank()) {
        line(c.output());
      }
      return c.succeeded();
    }

    void expect(String output, long min) {
      String first = output.strip().lines().findFirst().orElse("").split("\\|", 2)[0].strip();
      try {
        if (new java.math.BigDecimal(first).compareTo(java.math.BigDecimal.valueOf(min)) >= 0) {
          line("the first value, " + first + ", is at least " + min);
          return;
        }
        fail(0, "the first value, " + first + ", is less than " + min);
      } catch (NumberFormatException e) {
        fail(0, "the query's first value '" + first + "' is not a number (expected at least " + min + ")");
      }
    }

    void fail(int status, String why) {
      if (passed) {
        exit = status;
      }
      passed = false;
      line(why);
    }

    void line(String text) {
      if (!text.isBlank()) {
        out.append(text.strip()).append('\n');
      }
    }

    DrillStatement.Command result(long start) {
      return new DrillStatement.Command(step.name(), query, passed ? 0 : exit, DrillStatement.seconds(java.time.Duration.ofMillis(clock.millis() - start)),
          passed, out.toString().strip());
    }
  }
}
