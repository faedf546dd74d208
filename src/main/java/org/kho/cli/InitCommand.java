package org.kho.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kho.app.InitService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kho init DIR}. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = {"Create a new config directory from the shipped examples.",
        "Writes a commented catalogue.yaml, schedules/, restore-drills/, the policy table (policy.yaml) "
            + "and the JSON Schemas for editors (schema/). Never overwrites: DIR must be new or empty."})
final class InitCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "The new config directory.")
  private Path dir;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    InitService.Result result = new InitService().init(dir);
    var out = spec.commandLine().getOut();
    out.println("Created " + result.directory() + " with " + result.written().size() + " files:");
    result.written().forEach(f -> out.println("  " + f));
    out.println();
    out.println("Next: edit " + result.directory().resolve("catalogue.yaml") + ", then run");
    out.println("  kho catalogue check --config " + result.directory());
    out.println("  kho plan --config " + result.directory() + " --days 30");
    return ExitCodes.OK;
  }
}
