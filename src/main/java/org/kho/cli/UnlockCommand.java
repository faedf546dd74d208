package org.kho.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.kho.repository.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kho unlock}. */
@Command(name = "unlock", mixinStandardHelpOptions = true,
    description = {"Remove stale locks: those not renewed for 30 minutes, or whose process on this host is gone.",
        "Kho removes these by itself when it meets them; --remove-all also removes live ones (only when certain no run is going on)."})
final class UnlockCommand implements Callable<Integer> {
  private final Clock clock;
  @Mixin
  private RepoOptions repo;
  @Option(names = "--remove-all", description = "Remove every lock, also those of runs that look alive.")
  private boolean all;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  UnlockCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    try (Repository r = repo.open(clock)) {
      int n = r.unlock(all);
      spec.commandLine().getOut().println("removed " + n + " lock" + (n == 1 ? "" : "s"));
    }
    return ExitCodes.OK;
  }
}
