package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.kho.app.CatalogueService;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.CatalogueLoader;
import org.kho.catalogue.ItemCopies;
import org.kho.catalogue.PolicyRule;
import org.kho.catalogue.PolicyTable;
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
      result.catalogue().ifPresent(c -> view.put("copies", new CatalogueService(clock).copiesPerItem(c).stream()
          .map(CatalogueCheckCommand::copiesView).toList()));
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
    printCopies(new CatalogueService(clock).copiesPerItem(c), out);
    return code;
  }

  /** Each item's copies, kinds of media and offsite copies against the policy's minimums. */
  private static void printCopies(List<ItemCopies> copies, PrintWriter out) {
    if (copies.isEmpty()) {
      return;
    }
    out.println();
    out.println("Copies (3-2-1) against the policy table");
    Table t = new Table("ITEM", "LEVEL", "COPIES", "MEDIA", "OFFSITE", "TARGETS", "POLICY");
    for (ItemCopies c : copies) {
      PolicyTable.Level min = c.required();
      String state = c.shortOf().isEmpty() ? "ok" : c.meetsPolicy() ? "BELOW POLICY (waived: "
          + c.shortOf().stream().map(PolicyRule::key).collect(Collectors.joining(", ")) + ")" : "BELOW POLICY";
      t.row(c.item().value(), Integer.toString(c.securityLevel()), c.copies() + "/" + min.copies(),
          c.media() + "/" + min.media(), c.offsite() + "/" + min.offsiteCopies(),
          c.targets().stream().map(x -> x.target().value() + " (" + x.media().label() + ")").collect(Collectors.joining(", ")),
          state);
    }
    t.print(out, "  ");
  }

  private static Map<String, Object> copiesView(ItemCopies c) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("item", c.item().value());
    v.put("securityLevel", c.securityLevel());
    v.put("copies", c.copies());
    v.put("media", c.media());
    v.put("offsite", c.offsite());
    v.put("required", Map.of("copies", c.required().copies(), "media", c.required().media(),
        "offsite", c.required().offsiteCopies()));
    v.put("targets", c.targets().stream().map(x -> Map.of("target", x.target().value(), "media", x.media().label())).toList());
    v.put("shortOf", c.shortOf().stream().map(PolicyRule::key).toList());
    v.put("meetsPolicy", c.meetsPolicy());
    return v;
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
