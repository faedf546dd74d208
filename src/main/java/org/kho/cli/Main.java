package org.kho.cli;

import java.time.Clock;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kho} command: parses the command line, runs one command, exits with its code. */
@Command(description = {"Kho backs up the data and applications listed in a catalogue, encrypted and signed, "
        + "onto separate storage; proves with restore drills that they restore; archives logs by month; "
        + "wipes disks for disposal; and writes the evidence auditors ask for.", ""},
    subcommands = {InitCommand.class, CatalogueCommand.class, PlanCommand.class, QuickstartCommand.class,
        RepoCommand.class, BackupCommand.class, SnapshotsCommand.class, RestoreCommand.class, CheckCommand.class,
        LsCommand.class, DiffCommand.class, KeyCommand.class, UnlockCommand.class, EvidenceCommand.class,
        CopyCommand.class,
        LogsCommand.class,
        ForgetCommand.class, PruneCommand.class, HoldCommand.class,
        DaemonCommand.class, ReloadCommand.class, StatusCommand.class, AuditCommand.class,
        WipeCommand.class, ReportCommand.class,
        DrillCommand.class,
        AutoComplete.GenerateCompletion.class},
    footer = {"", "Start with: kho init DIR, then kho catalogue check --config DIR and kho plan --config DIR --days 30.",
        "Each command has --help."})
public final class Main extends Root {
  /** Builds the whole command line for {@code clock}; tests call this with a fixed clock. */
  static CommandLine commandLine(Clock clock) {
    CommandLine cli = configured(new CommandLine(new Main(), new Factory(clock)));
    cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    return cli;
  }

  /**
   * The command line that runs {@code args}: when they name one of Kho's subcommands, only that
   * one is built (about a third of a second less at start-up); otherwise the whole tree, for the
   * top-level help, the version, completion and mistyped commands.
   */
  static CommandLine commandLine(Clock clock, String[] args) {
    Class<?> named = LeanCommandLine.subcommand(Main.class, args);
    if (named == null) {
      return commandLine(clock);
    }
    Factory factory = new Factory(clock);
    CommandLine cli = new CommandLine(new Root(), factory);
    cli.addSubcommand(new CommandLine(named, factory));
    return configured(cli);
  }

  private static CommandLine configured(CommandLine cli) {
    ExitCodes codes = new ExitCodes();
    cli.setExitCodeExceptionMapper(codes)
        .setExecutionExceptionHandler(codes)
        .setCaseInsensitiveEnumValuesAllowed(true);
    listExitCodes(cli);
    return cli;
  }

  private static void listExitCodes(CommandLine cli) {
    cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.described());
    cli.getSubcommands().values().forEach(Main::listExitCodes);
  }

  public static void main(String[] args) {
    int code;
    try {
      code = commandLine(Clock.systemDefaultZone(), args).execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println("kho: out of memory (the Java heap limit is " + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MiB); nothing half-written is committed");
      System.err.println("  run again with a larger heap, e.g. KHO_HEAP=1g (the index takes about 55 bytes per stored chunk)");
      code = ExitCodes.FAILED;
    }
    System.exit(code);
  }

  /** Gives commands that need it the clock, so that tests can fix the time. */
  private record Factory(Clock clock) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return type.getDeclaredConstructor(Clock.class).newInstance(clock);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
