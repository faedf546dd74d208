package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kho.app.CatalogueService;
import org.kho.app.DrillService;
import org.kho.app.StateAccess;
import org.kho.drill.DrillProgress;
import org.kho.drill.DrillStatement;
import org.kho.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kho drill run NAME}. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run a restore drill now: the plan restore-drills/NAME.yaml of the config directory.",
        "For each item of the plan it restores the chosen snapshot (latest, random or oldest kept) from the item's first "
            + "target into the plan's scratch folder — a slice of the files when the plan samples, rolling so that "
            + "successive drills cover every file — compares every restored file's content and metadata with the "
            + "snapshot, runs the plan's verification steps (commands, PostgreSQL dumps restored into a throw-away "
            + "database), measures RTO and RPO against their targets and empties the scratch folder. The report is "
            + "signed with the agency key and kept in each repository read and in the state database.",
        "Exit code 0 when the drill PASSED, " + ExitCodes.ATTENTION + " when it WARNED (an RTO or RPO target missed), "
            + ExitCodes.DRILL_FAILED + " when it FAILED."})
final class DrillRunCommand implements Callable<Integer> {
  private final Clock clock;
  @Parameters(paramLabel = "NAME", description = "The drill plan: a file name in restore-drills/ without .yaml.")
  private String plan;
  @Mixin
  private ConfigOption config;
  @Mixin
  private StateOptions state;
  @Mixin
  private SigningOption signing;
  @Option(names = "--operator", paramLabel = "NAME", description = "Who runs the drill, for the report.")
  private String operator;
  @Option(names = "--witness", paramLabel = "NAME", description = "Who witnesses the drill, for the report.")
  private String witness;
  @Option(names = "--json", description = "Print the signed report's statement and where it is kept, as JSON.")
  private boolean json;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  DrillRunCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    var catalogue = new CatalogueService(clock).load(config.dir());
    var request = new DrillService.Request(plan, Optional.ofNullable(operator), Optional.ofNullable(witness), signing.key());
    DrillService.Result result;
    try (StateStore store = new StateAccess(System.getenv(), clock).open(config.dir(), state.options(), 2);
        ProgressBar bar = new ProgressBar("drill", !json)) {
      result = new DrillService(clock, System.getenv()).run(catalogue, request, Optional.of(store), progress(bar));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("report", result.statement());
      view.put("records", result.records());
      out.println(Json.write(view));
    } else {
      DrillView.print(result, out);
    }
    return exitCode(result.statement().outcome());
  }

  static int exitCode(DrillStatement.Outcome outcome) {
    return switch (outcome) {
      case PASSED -> ExitCodes.OK;
      case WARNED -> ExitCodes.ATTENTION;
      case FAILED -> ExitCodes.DRILL_FAILED;
    };
  }

  private static DrillProgress progress(ProgressBar bar) {
    return new DrillProgress() {
      @Override
      public void stage(String what) {
        bar.note(what);
      }

      @Override
      public void total(long files, long bytes) {
        bar.total(files, bytes);
      }

      @Override
      public void advanced(long bytes) {
        bar.advanced(bytes);
      }
    };
  }
}
