package org.kho.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.kho.catalogue.CommandLine;
import org.kho.catalogue.VerifyStep;
import org.kho.command.Commands;
import org.kho.drill.DrillStatement;
import org.kho.drill.StepRunner;

/**
 * Runs a drill plan's verification steps as external commands: a command step with the drill's
 * variables ({@code ${KHO_RESTORED}} and the like written in its words are replaced too; a shell
 * line reads them from its environment), a postgres step through {@link PostgresCheck}.
 */
final class DrillSteps implements StepRunner {
  private final Commands commands;
  private final CommandFactory factory;
  private final Clocked clock;

  /** Elapsed time in seconds, for the report (measured, never asserted). */
  interface Clocked {
    long millis();
  }

  DrillSteps(Commands commands, CommandFactory factory, Clocked clock) {
    this.commands = commands;
    this.factory = factory;
    this.clock = clock;
  }

  @Override
  public DrillStatement.Command run(VerifyStep step, Path restored, Map<String, String> env) {
    return switch (step) {
      case VerifyStep.Run r -> command(r.command(), env);
      case VerifyStep.Postgres p -> new PostgresCheck(commands, factory, clock).run(p, restored, env);
    };
  }

  private DrillStatement.Command command(CommandLine line, Map<String, String> env) {
    boolean shell = line.argv().size() == 3 && line.argv().get(0).equals("/bin/sh") && line.argv().get(1).equals("-c");
    List<String> words = shell ? line.argv() : line.argv().stream().map(w -> substitute(w, env)).toList();
    CommandLine resolved = new CommandLine(line.name(), words, line.timeout(), line.env());
    long start = clock.millis();
    Commands.Captured c = commands.capture(factory.of(resolved).withEnv(env));
    return new DrillStatement.Command(line.name(), words, c.exit(), DrillStatement.seconds(java.time.Duration.ofMillis(clock.millis() - start)), c.succeeded(),
        output(c));
  }

  /** The command's output, ending with how it failed when it did. */
  static String output(Commands.Captured c) {
    String how = c.failure().map(f -> f.split("; the end of its (stderr|output)| \\(it wrote nothing", 2)[0]).orElse("");
    return how.isEmpty() ? c.output() : (c.output().isEmpty() ? "" : c.output() + "\n") + "[kho] " + how;
  }

  private static String substitute(String word, Map<String, String> env) {
    String out = word;
    for (Map.Entry<String, String> e : env.entrySet()) {
      out = out.replace("${" + e.getKey() + "}", e.getValue());
    }
    return out;
  }
}
