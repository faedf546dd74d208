package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kho.app.CatalogueService;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.CatalogueLoader;
import org.kho.catalogue.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kho catalogue check}. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check a config directory against the format and the policy table.",
        "Prints every problem at once as FILE:LINE:COLUMN: what is wrong — how to fix it, "
            + "and exits with 3 when there is any error (warnings alone exit 0)."})
final class CatalogueCheckCommand implements Callable<Integer> {
  private final Clock clock;

  @Mixin
  private ConfigOption config;

  @Option(names = "--json", description = "Print the result as JSON.")
  private boolean json;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  CatalogueCheckCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    CatalogueLoader.Result result = new CatalogueService(clock).check(config.dir());
    PrintWriter out = spec.commandLine().getOut();
    int code = result.errors().isEmpty() ? ExitCodes.OK : ExitCodes.CONFIG_INVALID;
    if (json) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("directory", config.dir().toString());
      view.put("ok", code == ExitCodes.OK);
      view.put("policyChecked", result.policyChecked());
      view.put("errors", result.errors().size());
      view.put("warnings", result.problems().size() - result.errors().size());
      view.put("problems", result.problems().stream().map(CatalogueCheckCommand::problemView).toList());
      out.println(Json.write(view));
      return code;
    }
    if (code != ExitCodes.OK) {
      PrintWriter err = spec.commandLine().getErr();
      ProblemsView.print(result.problems(), err, spec.commandLine().getColorScheme());
      if (!result.policyChecked()) {
        err.println("(the policy-table rules are checked once these errors are fixed)");
      }
      err.flush();
      return code;
    }
    ProblemsView.print(result.problems(), out, spec.commandLine().getColorScheme());
    Catalogue c = result.catalogue().orElseThrow();
    out.printf("%s is valid: %s, %s, %s, %s, %s (policy %s)%s%n", config.dir(),
        ProblemsView.count(c.items().size(), "item"), ProblemsView.count(c.targets().size(), "target"),
        ProblemsView.count(c.schedules().size(), "schedule"), ProblemsView.count(c.drillPlans().size(), "drill plan"),
        ProblemsView.count(c.logSources().size(), "log source"), c.policy().version(),
        result.problems().isEmpty() ? "" : ", " + ProblemsView.count(result.problems().size(), "warning"));
    return code;
  }

  private static Map<String, Object> problemView(Problem p) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("file", p.file().toString());
    v.put("line", p.line());
    v.put("column", p.column());
    v.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
    v.put("message", p.message());
    v.put("hint", p.hint());
    return v;
  }
}
