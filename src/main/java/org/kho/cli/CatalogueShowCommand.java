package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.kho.app.CatalogueService;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.DrillPlan;
import org.kho.catalogue.Item;
import org.kho.catalogue.LogSource;
import org.kho.catalogue.Schedule;
import org.kho.catalogue.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kho catalogue show}. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show the checked catalogue: items, targets, schedules, drill plans, log sources and the policy table.")
final class CatalogueShowCommand implements Callable<Integer> {
  private static final DateTimeFormatter NEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
  private final Clock clock;

  @Mixin
  private ConfigOption config;

  @Option(names = "--json", description = "Print the catalogue as JSON.")
  private boolean json;

  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  CatalogueShowCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    Catalogue c = new CatalogueService(clock).load(config.dir());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(c));
      return ExitCodes.OK;
    }
    out.println(c.agency().name() + (c.agency().unit().isEmpty() ? "" : " — " + c.agency().unit()));
    out.println("Config " + c.directory() + ", policy table " + c.policy().version());
    section(out, "Items");
    Table items = new Table("ID", "NAME", "OWNER", "LEVEL", "SCHEDULE", "TARGETS", "RETENTION", "DRILLS", "WAIVERS");
    for (Item i : c.items()) {
      items.row(i.id(), i.name(), i.owner(), i.securityLevel(), i.schedule().map(Object::toString).orElse("-"),
          join(i.targets()), i.retention().describe(), join(c.drillsFor(i).stream().map(DrillPlan::id).toList()),
          i.waivers().keySet().stream().map(r -> r.key()).collect(Collectors.joining(", ")));
    }
    items.print(out, "  ");
    section(out, "Targets");
    Table targets = new Table("ID", "MEDIA", "LOCATION", "DESCRIPTION");
    for (Target t : c.targets()) {
      targets.row(t.id(), t.media().label(), t.location(), t.description());
    }
    targets.print(out, "  ");
    section(out, "Schedules");
    Table schedules = new Table("ID", "WHEN", "ZONE", "MISSED RUNS", "NEXT RUN");
    for (Schedule s : c.schedules()) {
      schedules.row(s.id(), s.expression(), s.zone(), s.missedRuns().label(),
          s.rule().nextAfter(clock.instant()).map(NEXT::format).orElse("never"));
    }
    schedules.print(out, "  ");
    section(out, "Restore drills");
    Table drills = new Table("ID", "SCHEDULE", "SNAPSHOT", "SAMPLE", "VERIFY STEPS", "SCRATCH");
    for (DrillPlan d : c.drillPlans()) {
      drills.row(d.id(), d.schedule(), d.snapshot().label(), d.samplePercent() + "%", d.verify().size(), d.scratch());
    }
    drills.print(out, "  ");
    section(out, "Log sources");
    Table logs = new Table("ID", "NAME", "LEVEL", "KEEP", "TARGETS", "PATHS");
    for (LogSource l : c.logSources()) {
      logs.row(l.id(), l.name(), l.securityLevel(), l.keepMonths() + " months", join(l.targets()), String.join(" ", l.paths()));
    }
    logs.print(out, "  ");
    return ExitCodes.OK;
  }

  private static void section(PrintWriter out, String title) {
    out.println();
    out.println(title);
  }

  private static String join(List<?> values) {
    return values.isEmpty() ? "-" : values.stream().map(Object::toString).collect(Collectors.joining(", "));
  }
}
