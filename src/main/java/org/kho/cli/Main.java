package org.kho.cli;

import java.time.Clock;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code kho} command: parses the command line, runs one command, exits with its code. */
@Command(name = "kho", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Kho backs up the data and applications listed in a catalogue, encrypted and signed, "
        + "onto separate storage; proves with restore drills that they restore; archives logs by month; "
        + "wipes disks for disposal; and writes the evidence auditors ask for.", ""},
    subcommands = {InitCommand.class, CatalogueCommand.class, PlanCommand.class, QuickstartCommand.class,
        RepoCommand.class, BackupCommand.class, SnapshotsCommand.class, RestoreCommand.class, CheckCommand.class,
        LsCommand.class, DiffCommand.class, KeyCommand.class, UnlockCommand.class, EvidenceCommand.class,
        CopyCommand.class,
        LogsCommand.class,
        ForgetCommand.class, PruneCommand.class, HoldCommand.class,
        DaemonCommand.class, ReloadCommand.class, StatusCommand.class, AuditCommand.class,
        WipeCommand.class,
        DrillCommand.class,
        AutoComplete.GenerateCompletion.class},
    footer = {"", "Start with: kho init DIR, then kho catalogue check --config DIR and kho plan --config DIR --days 30.",
        "Each command has --help."})
public final class Main implements Runnable {
  @Mixin
  private Verbosity verbosity;

  @CommandLine.Spec
  private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line for {@code clock}; tests call this with a fixed clock. */
  static CommandLine commandLine(Clock clock) {
    ExitCodes codes = new ExitCodes();
    CommandLine cli = new CommandLine(new Main(), new Factory(clock))
        .setExitCodeExceptionMapper(codes)
        .setExecutionExceptionHandler(codes)
        .setCaseInsensitiveEnumValuesAllowed(true);
    cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
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
      code = commandLine(Clock.systemDefaultZone()).execute(args);
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
