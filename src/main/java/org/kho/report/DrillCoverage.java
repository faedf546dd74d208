package org.kho.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.DrillPlan;
import org.kho.catalogue.Item;
import org.kho.drill.DrillStatement;

/**
 * How much of the catalogue restore drills have proven, per plan and item, from the drill reports
 * (see README "Drill reports"): over a period, the drills run and passed and the files and bytes
 * verified; over the plan's newest rolling cycle (one seed, slices 0 to count − 1), which slices
 * passed, so that {@code slicesPassed == count} means every file present throughout the cycle has been
 * restored and verified once; and the items of the catalogue no drill plan covers.
 *
 * @param since the start of the period (drills that started before it are not counted in runs,
 *     passes, files and bytes; the newest cycle is taken whole)
 * @param rows one per plan and item, by plan then item
 * @param uncovered the catalogue's items no drill plan names: never drilled, a finding for the officer
 */
public record DrillCoverage(Instant since, List<Row> rows, List<String> uncovered) {

  public DrillCoverage {
    rows = List.copyOf(rows);
    uncovered = List.copyOf(uncovered);
  }

  /**
   * One plan and item.
   *
   * @param runs drills of the plan in the period that restored this item
   * @param passed of those, the ones that passed (PASSED or WARNED)
   * @param slicesPassed distinct slices of the newest cycle whose drill passed for this item
   * @param sliceCount slices in a cycle (1 when the plan restores every file each time)
   * @param filesVerified files verified in the period, summed over drills
   * @param bytesVerified bytes verified in the period, summed over drills
   * @param lastPass when the newest passing drill finished, or null when none passed
   * @param planned whether the catalogue (when given) still lists this plan for this item
   */
  public record Row(String plan, String item, int runs, int passed, int slicesPassed, int sliceCount,
      long filesVerified, long bytesVerified, Instant lastPass, boolean planned) {
    /** Whether the newest cycle has passed every slice. */
    public boolean cycleComplete() {
      return sliceCount > 0 && slicesPassed >= sliceCount;
    }
  }

  /** The coverage from {@code reports} (any order), against {@code catalogue} when given. */
  public static DrillCoverage of(List<DrillStatement> reports, Optional<Catalogue> catalogue, Instant since) {
    Map<String, List<DrillStatement>> byPlan = reports.stream()
        .sorted(Comparator.comparing(DrillCoverage::started))
        .collect(Collectors.groupingBy(DrillStatement::plan, LinkedHashMap::new, Collectors.toList()));
    Map<String, Set<String>> planned = planned(catalogue);
    Set<String> plans = new TreeSet<>(byPlan.keySet());
    plans.addAll(planned.keySet());
    List<Row> rows = new ArrayList<>();
    for (String plan : plans) {
      List<DrillStatement> drills = byPlan.getOrDefault(plan, List.of());
      Set<String> items = new TreeSet<>(planned.getOrDefault(plan, Set.of()));
      drills.forEach(d -> d.items().forEach(i -> items.add(i.item())));
      List<DrillStatement> cycle = newestCycle(drills);
      for (String item : items) {
        rows.add(row(plan, item, drills, cycle, since, planned.getOrDefault(plan, Set.of()).contains(item)
            || catalogue.isEmpty()));
      }
    }
    List<String> uncovered = catalogue.map(c -> c.items().stream().filter(i -> c.drillsFor(i).isEmpty())
        .map(i -> i.id().value()).sorted().toList()).orElse(List.of());
    return new DrillCoverage(since, rows, uncovered);
  }

  private static Row row(String plan, String item, List<DrillStatement> drills, List<DrillStatement> cycle,
      Instant since, boolean planned) {
    int runs = 0;
    int passed = 0;
    long files = 0;
    long bytes = 0;
    Instant lastPass = null;
    for (DrillStatement d : drills) {
      List<DrillStatement.Item> restored = itemOf(d, item);
      if (restored.isEmpty() || started(d).isBefore(since)) {
        continue;
      }
      runs++;
      files += restored.stream().mapToLong(DrillStatement.Item::filesVerified).sum();
      bytes += restored.stream().mapToLong(DrillStatement.Item::bytesVerified).sum();
      if (d.outcome().restored()) {
        passed++;
        lastPass = d.finished() == null ? started(d) : d.finished();
      }
    }
    Set<Integer> slices = new TreeSet<>();
    cycle.stream().filter(d -> d.outcome().restored() && !itemOf(d, item).isEmpty())
        .forEach(d -> slices.add(d.slice().index()));
    int count = cycle.isEmpty() ? 0 : cycle.getLast().slice().count();
    return new Row(plan, item, runs, passed, slices.size(), count, files, bytes, lastPass, planned);
  }

  /**
   * The drills of the newest cycle, oldest first: walking back from the newest drill, those with its
   * seed and slice count, back to (and including) the one that took slice 0.
   */
  static List<DrillStatement> newestCycle(List<DrillStatement> drills) {
    if (drills.isEmpty()) {
      return List.of();
    }
    DrillStatement newest = drills.getLast();
    List<DrillStatement> cycle = new ArrayList<>();
    for (int i = drills.size() - 1; i >= 0; i--) {
      DrillStatement d = drills.get(i);
      if (d.seed() != newest.seed() || d.slice().count() != newest.slice().count()) {
        break;
      }
      cycle.addFirst(d);
      if (d.slice().index() == 0) {
        break;
      }
    }
    return cycle;
  }

  private static Map<String, Set<String>> planned(Optional<Catalogue> catalogue) {
    Map<String, Set<String>> planned = new LinkedHashMap<>();
    catalogue.ifPresent(c -> {
      for (DrillPlan p : c.drillPlans()) {
        planned.computeIfAbsent(p.id().value(), k -> new TreeSet<>());
      }
      for (Item i : c.items()) {
        c.drillsFor(i).forEach(p -> planned.get(p.id().value()).add(i.id().value()));
      }
    });
    return planned;
  }

  /** The entries of {@code item} in drill {@code d}: one per target it was restored from. */
  private static List<DrillStatement.Item> itemOf(DrillStatement d, String item) {
    return d.items().stream().filter(i -> item.equals(i.item())).toList();
  }

  private static Instant started(DrillStatement d) {
    return d.started() == null ? Instant.EPOCH : d.started();
  }
}
