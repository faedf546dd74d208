package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kho.app.AuditService;
import org.kho.app.StateAccess;
import org.kho.state.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kho audit verify} and {@code kho audit log}. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "The audit log: every action Kho took, who took it and when, in a hash chain that shows any change.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Log.class})
final class AuditCommand extends CommandGroup {

  /** {@code kho audit verify}. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = {"Walk the whole audit log and prove it unbroken: no entry changed, removed or inserted.",
          "Every break is listed by its position; the exit code is then " + ExitCodes.AUDIT_BROKEN + "."})
  static final class Verify implements Callable<Integer> {
    private final Clock clock;
    @Mixin
    private ConfigOption config;
    @Mixin
    private StateOptions state;
    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    Verify(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Integer call() {
      AuditLog.Verification v = new AuditService(new StateAccess(System.getenv(), clock))
          .verify(config.dir(), state.options());
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("entries", v.entries());
        view.put("intact", v.intact());
        view.put("breaks", v.breaks());
        out.println(Json.write(view));
      } else if (v.intact()) {
        out.printf("audit log intact: %d entries, each chained to the one before%n", v.entries());
      } else {
        out.printf("audit log BROKEN: %d problem%s in %d entries%n", v.breaks().size(),
            v.breaks().size() == 1 ? "" : "s", v.entries());
        v.breaks().forEach(b -> out.printf("  at entry %d: %s%n", b.seq(), b.what()));
      }
      return v.intact() ? ExitCodes.OK : ExitCodes.AUDIT_BROKEN;
    }
  }

  /** {@code kho audit log}. */
  @Command(name = "log", mixinStandardHelpOptions = true, description = "Show the latest entries of the audit log.")
  static final class Log implements Callable<Integer> {
    private final Clock clock;
    @Mixin
    private ConfigOption config;
    @Mixin
    private StateOptions state;
    @Option(names = "--last", paramLabel = "N", defaultValue = "50", description = "How many (default ${DEFAULT-VALUE}).")
    private int last;
    @Option(names = "--json", description = "Print the entries as JSON.")
    private boolean json;
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    Log(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Integer call() {
      List<AuditLog.Entry> entries = new AuditService(new StateAccess(System.getenv(), clock))
          .recent(config.dir(), state.options(), Math.max(1, last));
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(entries));
        return ExitCodes.OK;
      }
      Table table = new Table("#", "WHEN", "WHO", "WHAT", "SUBJECT", "DETAIL");
      entries.forEach(e -> table.row(e.seq(), e.at(), e.actor(), e.action(), e.subject(), e.detail()));
      table.print(out, "");
      return ExitCodes.OK;
    }
  }
}
