package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.kho.app.CatalogueService;
import org.kho.plan.PlannedAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kho plan}. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"List every action scheduled in the next N days.",
        "Backups, checks, prunes, restore drills and log archives, from the schedules' cron rules "
            + "evaluated in their own time zones, exactly as the daemon will run them."})
final class PlanCommand implements Callable<Integer> {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd EEE", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm xxx");
  private final Clock clock;

  @Mixin
  private ConfigOption config;

  @Option(names = "--days", paramLabel = "N", defaultValue = "30", description = "How many days ahead (default ${DEFAULT-VALUE}).")
  private int days;

  @Option(names = "--json", description = "Print the plan as JSON.")
  private boolean json;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  PlanCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    CatalogueService.PlanResult plan = new CatalogueService(clock).plan(config.dir(), days);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("from", plan.from());
      view.put("to", plan.to());
      view.put("actions", plan.actions());
      out.println(Json.write(view));
      return ExitCodes.OK;
    }
    out.printf("Plan for %d days, %s to %s: %s%n", days, plan.from(), plan.to(), summary(plan));
    LocalDate day = null;
    for (PlannedAction a : plan.actions()) {
      if (!a.at().toLocalDate().equals(day)) {
        day = a.at().toLocalDate();
        out.println();
        out.println(DAY.format(a.at()));
      }
      String targets = a.targets().isEmpty() ? "" : " -> " + a.targets().stream().map(Object::toString).collect(Collectors.joining(", "));
      out.printf("  %s  %-11s %s%s  (%s)%n", TIME.format(a.at()), a.kind().label(), a.subject(), targets, a.schedule());
    }
    return ExitCodes.OK;
  }

  private static String summary(CatalogueService.PlanResult plan) {
    Map<PlannedAction.Kind, Long> counts = new EnumMap<>(PlannedAction.Kind.class);
    plan.actions().forEach(a -> counts.merge(a.kind(), 1L, Long::sum));
    if (counts.isEmpty()) {
      return "nothing is scheduled";
    }
    return counts.entrySet().stream().map(e -> ProblemsView.count(e.getValue(), e.getKey().label()))
        .collect(Collectors.joining(", "));
  }
}
