package org.kho.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kho.app.CatalogueForgetService;
import org.kho.app.CatalogueService;
import org.kho.app.ForgetService;
import org.kho.catalogue.Schedule;
import org.kho.catalogue.Spans;
import org.kho.core.UsageException;
import org.kho.crypto.SigningKey;
import org.kho.plan.KeepDecision;
import org.kho.plan.KeepRules;
import org.kho.repository.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kho forget}. */
@Command(name = "forget", mixinStandardHelpOptions = true,
    description = {"Forget the snapshots the retention rules no longer keep (their data goes with 'kho prune').",
        "Prints each snapshot with the decision and every reason it is kept; forgets only with --yes.",
        "Never forgotten, whatever the rules: snapshots under a legal hold ('kho hold'), the newest snapshot of each "
            + "item that passed a restore drill, and, with --config, snapshots younger than the policy table's "
            + "keepBackupsMonths for the item's security level."},
    footer = {"", "From the catalogue: kho forget --config DIR [ITEM...]   (each item's retention, in each of its targets)",
        "By hand:           kho forget --repo DIR --keep-daily 7 --keep-monthly 12 [--yes]"})
final class ForgetCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private final Clock clock;
  @Mixin
  private RepoOptions repo;
  @Mixin
  private SigningOption signing;
  @Option(names = {"-c", "--config"}, paramLabel = "DIR", description = "Apply the catalogue items' retention.")
  private Path config;
  @Parameters(paramLabel = "ITEM", description = "With --config, the items (default: all).")
  private List<String> items = new ArrayList<>();
  @Option(names = "--keep-last", paramLabel = "N", description = "Keep the newest N snapshots.")
  private int last;
  @Option(names = "--keep-hourly", paramLabel = "N", description = "Keep the newest snapshot of each of the last N hours.")
  private int hourly;
  @Option(names = "--keep-daily", paramLabel = "N", description = "Keep the newest snapshot of each of the last N days.")
  private int daily;
  @Option(names = "--keep-weekly", paramLabel = "N", description = "Keep the newest snapshot of each of the last N weeks.")
  private int weekly;
  @Option(names = "--keep-monthly", paramLabel = "N", description = "Keep the newest snapshot of each of the last N months.")
  private int monthly;
  @Option(names = "--keep-yearly", paramLabel = "N", description = "Keep the newest snapshot of each of the last N years.")
  private int yearly;
  @Option(names = "--keep-within", paramLabel = "PERIOD", description = "Keep every snapshot within PERIOD (e.g. 30d, 6mo, 1y) of the newest.")
  private String within;
  @Option(names = "--keep-tag", paramLabel = "TAG", description = "Keep every snapshot with this tag (repeatable).")
  private List<String> tags = new ArrayList<>();
  @Option(names = "--group-by-tags", description = "Count the rules separately for each set of tags.")
  private boolean byTags;
  @Option(names = "--time-zone", paramLabel = "ZONE", description = "The calendar days, weeks, months and years are counted in "
      + "(default: Asia/Ho_Chi_Minh; with --config, each item's schedule zone).")
  private ZoneId zone = Schedule.DEFAULT_ZONE;
  @Option(names = "--yes", description = "Forget the snapshots shown as 'forget'. Without it nothing is changed.")
  private boolean yes;
  @Option(names = "--json", description = "Print the decisions as JSON.")
  private boolean json;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  ForgetCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    return config != null ? fromCatalogue() : byHand();
  }

  private int byHand() {
    if (!items.isEmpty()) {
      throw new UsageException("items are named only with --config", "drop " + String.join(" ", items) + ", or add --config DIR");
    }
    KeepRules rules = KeepRules.counts(last, hourly, daily, weekly, monthly, yearly, period(), tags, zone);
    if (!rules.keepsSomething()) {
      throw new UsageException("no rule says what to keep", "give at least one --keep-… option, e.g. --keep-daily 7");
    }
    try (Repository r = repo.open(clock)) {
      signing.key().ifPresent(r::signWith);
      ForgetService service = new ForgetService(clock);
      ForgetService.Decisions d = service.decide(r, s -> Optional.of(rules), byTags, s -> true);
      int forgotten = yes ? service.forget(r, d.decisions()) : 0;
      print(List.of(view(null, null, d, forgotten, null)));
      return ExitCodes.OK;
    }
  }

  private int fromCatalogue() {
    if (last + hourly + daily + weekly + monthly + yearly > 0 || within != null || !tags.isEmpty()) {
      throw new UsageException("--keep-… options and --config exclude each other", "the catalogue's retention applies with --config");
    }
    var catalogue = new CatalogueService(clock).load(config);
    Optional<SigningKey> key = signing.key();
    List<CatalogueForgetService.Run> runs = new CatalogueForgetService(clock, System.getenv()).run(catalogue, items, yes, key);
    print(runs.stream().map(r -> view(r.item().value(), r.target().value(), r.decisions(), r.forgotten(), r.failure())).toList());
    return runs.stream().anyMatch(r -> r.failure() != null) ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private Optional<java.time.Period> period() {
    if (within == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Spans.period(within));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--keep-within " + within + ": " + e.getMessage(), "write e.g. 30d, 12w, 6mo, 1y");
    }
  }

  /** One repository's decisions (or failure), as printed and as JSON. */
  record RunView(String item, String target, List<DecisionView> decisions, long forgetting, int forgotten,
      List<String> warnings, String error, String hint) {}

  /** One snapshot's decision. */
  record DecisionView(String snapshot, java.time.Instant time, String group, boolean keep, List<String> reasons) {}

  private static RunView view(String item, String target, ForgetService.Decisions d, int forgotten, org.kho.core.KhoException failure) {
    if (failure != null) {
      return new RunView(item, target, List.of(), 0, 0, List.of(), failure.getMessage(), failure.hint());
    }
    List<DecisionView> decisions = d.decisions().stream().map(x -> new DecisionView(x.snapshot().id(), x.snapshot().time(),
        x.group(), x.keep(), x.reasons())).toList();
    return new RunView(item, target, decisions, d.forgetting(), forgotten, d.damaged(), null, null);
  }

  private void print(List<RunView> views) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(views.size() == 1 && views.getFirst().item() == null ? views.getFirst() : views));
      return;
    }
    for (RunView v : views) {
      String prefix = v.item() != null ? v.item() + " -> " + v.target() + ": " : "";
      if (v.error() != null) {
        out.println(prefix + "FAILED: " + v.error());
        out.println("  " + v.hint());
        continue;
      }
      if (!prefix.isEmpty()) {
        out.println(prefix);
      }
      Table table = new Table("ID", "TIME", "DECISION", "REASONS");
      v.decisions().forEach(x -> table.row(x.snapshot().substring(0, 8), TIME.format(x.time().atZone(zone)),
          x.keep() ? "keep" : "forget", String.join("; ", x.reasons())));
      table.print(out, prefix.isEmpty() ? "" : "  ");
      v.warnings().forEach(w -> out.println("warning: drill result unreadable: " + w));
      out.println(yes ? "forgot " + v.forgotten() + " snapshot" + (v.forgotten() == 1 ? "" : "s")
          + (v.forgotten() > 0 ? "; 'kho prune --apply' frees their space" : "")
          : v.forgetting() + " to forget; nothing changed (dry run): run again with --yes to forget them");
    }
  }
}
