package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.kho.app.HoldService;
import org.kho.core.UsageException;
import org.kho.repository.HoldRef;
import org.kho.repository.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kho hold}: legal holds. */
@Command(name = "hold", mixinStandardHelpOptions = true,
    description = {"Place, list and release legal holds: a held snapshot is never forgotten, whatever the retention says.",
        "Holds are stored in the repository, encrypted, with their reason, time, host and user."},
    subcommands = {HoldCommand.Add.class, HoldCommand.ListHolds.class, HoldCommand.Remove.class})
final class HoldCommand extends CommandGroup {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Hold a snapshot, with the reason (a case, a decision).")
  static final class Add implements Callable<Integer> {
    private final Clock clock;
    @Mixin
    private RepoOptions repo;
    @Parameters(paramLabel = "SNAPSHOT", description = "The snapshot id (at least 4 hex digits).")
    private String snapshot;
    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why it is held, e.g. 'inspection 12/2026'.")
    private String reason;
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    Add(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Integer call() {
      try (Repository r = repo.open(clock)) {
        HoldRef h = new HoldService(r).add(snapshot, reason);
        spec.commandLine().getOut().println("snapshot " + h.hold().snapshot().substring(0, 8) + " held: " + h.hold().reason());
        return ExitCodes.OK;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the legal holds.")
  static final class ListHolds implements Callable<Integer> {
    private final Clock clock;
    @Mixin
    private RepoOptions repo;
    @Option(names = "--json", description = "Print the holds as JSON.")
    private boolean json;
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    ListHolds(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Integer call() {
      try (Repository r = repo.open(clock)) {
        List<HoldRef> holds = new HoldService(r).list();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          out.println(Json.write(holds));
          return ExitCodes.OK;
        }
        Table table = new Table("SNAPSHOT", "SINCE", "BY", "REASON");
        ZoneId zone = clock.getZone();
        holds.forEach(h -> table.row(h.hold().snapshot().substring(0, 8), TIME.format(h.hold().created().atZone(zone)),
            h.hold().user() + "@" + h.hold().host(), h.hold().reason()));
        table.print(out, "");
        out.println(holds.size() + " hold" + (holds.size() == 1 ? "" : "s"));
        return ExitCodes.OK;
      }
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = "Release the holds on a snapshot (retention may then forget it). Needs --yes.")
  static final class Remove implements Callable<Integer> {
    private final Clock clock;
    @Mixin
    private RepoOptions repo;
    @Mixin
    private SigningOption signing;
    @Parameters(paramLabel = "SNAPSHOT", description = "The held snapshot's id (at least 4 hex digits).")
    private String snapshot;
    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why the hold ends (recorded in signed evidence with --signing-key).")
    private String reason;
    @Option(names = "--yes", description = "Really release the hold.")
    private boolean yes;
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    Remove(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Integer call() {
      if (!yes) {
        throw new UsageException("releasing a legal hold needs --yes", "run again with --yes if the hold really ends");
      }
      try (Repository r = repo.open(clock)) {
        signing.key().ifPresent(r::signWith);
        List<HoldRef> released = new HoldService(r).remove(snapshot, reason);
        released.forEach(h -> spec.commandLine().getOut().println("released the hold on snapshot "
            + h.hold().snapshot().substring(0, 8) + " (" + h.hold().reason() + ")"));
        return ExitCodes.OK;
      }
    }
  }
}
