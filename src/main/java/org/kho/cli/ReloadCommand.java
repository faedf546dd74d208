package org.kho.cli;

import java.util.concurrent.Callable;
import org.kho.app.StateAccess;
import org.kho.core.KhoException;
import org.kho.daemon.Daemon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code kho reload}: tells the running daemon to read its config directory again. */
@Command(name = "reload", mixinStandardHelpOptions = true,
    description = {"Tell the running daemon to read the config directory again (like SIGHUP), and print what changed.",
        "Running actions are not interrupted. A config with errors changes nothing: the daemon keeps its schedule "
            + "and logs the errors (kho catalogue check lists them)."})
final class ReloadCommand implements Callable<Integer> {
  private final java.time.Clock clock;
  @Mixin
  private ConfigOption config;
  @Mixin
  private StateOptions state;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  ReloadCommand(java.time.Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    var location = new StateAccess(System.getenv(), clock).locate(config.dir(), state.options());
    String reply = Daemon.send(location.directory(), "reload");
    if (!reply.startsWith("ok ")) {
      throw new KhoException("the daemon did not reload: " + reply.replaceFirst("^error ", ""),
          "fix what kho catalogue check --config " + config.dir() + " reports, then reload again");
    }
    spec.commandLine().getOut().println("reloaded: " + reply.substring(3));
    return ExitCodes.OK;
  }
}
