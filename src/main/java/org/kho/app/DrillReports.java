package org.kho.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kho.crypto.VerifyingKey;
import org.kho.drill.DrillStatement;
import org.kho.evidence.SignedDrillReport;
import org.kho.report.ComplianceReport.Coverage;
import org.kho.report.ComplianceReport.Drill;

/**
 * Reads the signed drill reports of the state's evidence index (envelopes {@code {"statement",
 * "signer", "signature"}} whose statement is {@code kho.drill.v1}, see the drill report contract),
 * checking each signature when the agency's public key is known.
 */
final class DrillReports {
  static final String KIND = "drill";

  private DrillReports() {}

  /** One drill report: the drill as reported for one of its items. */
  record Parsed(Drill drill, List<String> items, DrillStatement statement) {
    java.time.Instant started() {
      return drill.started();
    }

    /** The drill as it concerns {@code item}: only that item's files (over every target it was restored from). */
    Drill forItem(String item) {
      List<DrillStatement.Item> mine = statement.items().stream().filter(i -> item.equals(i.item())).toList();
      Drill d = drill;
      return new Drill(d.id(), d.plan(), d.started(), d.finished(), d.outcome(), d.reasons(), d.corrective(),
          mine.stream().mapToLong(DrillStatement.Item::filesVerified).sum(),
          mine.stream().mapToLong(DrillStatement.Item::bytesVerified).sum(),
          mine.stream().flatMap(i -> i.damaged().stream()).toList(), d.rto(), d.rpo(), d.sliceIndex(),
          d.sliceCount(), d.signature());
    }
  }

  /** The drills among {@code drills} that covered {@code item}, each as it concerns that item. */
  static List<Drill> about(List<Parsed> drills, String item) {
    return drills.stream().filter(d -> d.items().contains(item)).map(d -> d.forItem(item)).toList();
  }

  /** Per plan, what the drills among {@code drills} (one period's, oldest first) proved of {@code item}. */
  static List<Coverage> coverage(List<Parsed> drills, String item) {
    Map<String, List<Parsed>> byPlan = new LinkedHashMap<>();
    drills.stream().filter(d -> d.items().contains(item))
        .forEach(d -> byPlan.computeIfAbsent(d.drill().plan(), p -> new ArrayList<>()).add(d));
    List<Coverage> out = new ArrayList<>();
    byPlan.forEach((plan, list) -> {
      long seed = list.getLast().statement().seed();
      List<Drill> mine = list.stream().map(d -> d.forItem(item)).toList();
      Set<Integer> slices = new HashSet<>();
      list.stream().filter(d -> d.statement().seed() == seed).forEach(d -> slices.add(d.drill().sliceIndex()));
      out.add(new Coverage(plan, mine.size(), (int) mine.stream().filter(Drill::passed).count(), slices.size(),
          list.getLast().drill().sliceCount(), mine.stream().mapToLong(Drill::filesVerified).sum(),
          mine.stream().mapToLong(Drill::bytesVerified).sum(),
          mine.stream().filter(Drill::passed).map(Drill::started).reduce((a, b) -> b)));
    });
    return out;
  }

  /**
   * The drill reports among {@code documents} that parse, oldest first; {@code unreadable} gets a
   * line for each that does not.
   */
  static List<Parsed> parse(List<String> documents, Optional<VerifyingKey> key, List<String> unreadable) {
    List<Parsed> out = new ArrayList<>();
    for (String document : documents) {
      Optional<SignedDrillReport> report = SignedDrillReport.fromJson(document, "state");
      if (report.isEmpty() || report.get().statement().started() == null || report.get().statement().finished() == null) {
        unreadable.add("a drill record that is not a whole kho.drill.v1 envelope");
        continue;
      }
      out.add(parsed(report.get(), key));
    }
    return out;
  }

  private static Parsed parsed(SignedDrillReport report, Optional<VerifyingKey> key) {
    DrillStatement s = report.statement();
    List<String> items = s.items().stream().map(DrillStatement.Item::item).distinct().toList();
    String signature = key.map(k -> report.check(k).verified() ? "VALID" : "INVALID").orElse("NOT_CHECKED");
    Drill d = new Drill(s.id(), s.plan(), s.started(), s.finished(), s.outcome().name(), s.reasons(), s.corrective(),
        0, 0, List.of(), orNone(s.rto()), orNone(s.rpo()), s.slice().index(), s.slice().count(), signature);
    return new Parsed(d, items, s);
  }

  /** An objective a statement lacks: nothing measured, no target, met. */
  private static DrillStatement.Objective orNone(DrillStatement.Objective o) {
    return o != null ? o : new DrillStatement.Objective(null, java.math.BigDecimal.ZERO, true);
  }
}
