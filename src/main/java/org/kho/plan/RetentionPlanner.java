package org.kho.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kho.catalogue.Retention;
import org.kho.catalogue.Spans;

/**
 * Decides which snapshots a retention keeps, as restic's {@code forget} policy does: per group,
 * newest first, the newest {@code last} snapshots, then the newest snapshot of each of the latest
 * N hours, days, ISO weeks, months and years (calendar buckets in the rules' time zone; a bucket
 * with no snapshot does not count), and every snapshot made within {@code within} before the
 * group's newest. On top of the rules: snapshots tagged with a kept tag, legal holds, the newest
 * snapshot of the group that passed a restore drill, and snapshots younger than the policy
 * table's floor are always kept. Pure: the same inputs give the same decisions.
 */
public final class RetentionPlanner {
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
  private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yyyy");

  private RetentionPlanner() {}

  /** The calendar buckets, in the order the rules are applied. */
  private enum Bucket {
    HOURLY("hourly"), DAILY("daily"), WEEKLY("weekly"), MONTHLY("monthly"), YEARLY("yearly");

    private final String label;

    Bucket(String label) {
      this.label = label;
    }

    int count(Retention r) {
      return switch (this) {
        case HOURLY -> r.hourly();
        case DAILY -> r.daily();
        case WEEKLY -> r.weekly();
        case MONTHLY -> r.monthly();
        case YEARLY -> r.yearly();
      };
    }

    String key(ZonedDateTime t) {
      return switch (this) {
        case HOURLY -> HOUR.format(t);
        case DAILY -> DAY.format(t);
        case WEEKLY -> String.format("%d-W%02d", t.get(IsoFields.WEEK_BASED_YEAR), t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        case MONTHLY -> MONTH.format(t);
        case YEARLY -> YEAR.format(t);
      };
    }
  }

  /**
   * The decision for every snapshot, grouped (see {@link SnapshotFacts#group}), newest first in
   * each group. A snapshot whose group has no rules ({@code rulesFor} empty) is kept.
   *
   * @param now the clock's instant, from which the policy floor is counted
   */
  public static List<KeepDecision> decide(List<SnapshotFacts> snapshots, Function<SnapshotFacts, Optional<KeepRules>> rulesFor,
      boolean groupByTags, Protections protections, Instant now) {
    Map<String, List<SnapshotFacts>> groups = snapshots.stream()
        .sorted(Comparator.comparing(SnapshotFacts::time).thenComparing(SnapshotFacts::id).reversed())
        .collect(Collectors.groupingBy(s -> s.group(groupByTags), LinkedHashMap::new, Collectors.toList()));
    List<KeepDecision> out = new ArrayList<>();
    groups.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(g -> {
      Optional<KeepRules> rules = rulesFor.apply(g.getValue().getFirst());
      out.addAll(new GroupDecision(g.getKey(), g.getValue(), rules, protections, now).decide());
    });
    return out;
  }

  /** The decisions of one group, newest first. */
  private static final class GroupDecision {
    private final String group;
    private final List<SnapshotFacts> newestFirst;
    private final Optional<KeepRules> rules;
    private final Protections protections;
    private final Instant now;
    private final Optional<Protections.Drill> drilled;

    GroupDecision(String group, List<SnapshotFacts> newestFirst, Optional<KeepRules> rules, Protections protections,
        Instant now) {
      this.group = group;
      this.newestFirst = newestFirst;
      this.rules = rules;
      this.protections = protections;
      this.now = now;
      this.drilled = newestDrillPassed();
    }

    /** The drill of the newest snapshot in the group that passed one. */
    private Optional<Protections.Drill> newestDrillPassed() {
      for (SnapshotFacts s : newestFirst) {
        Optional<Protections.Drill> passed = protections.drills().stream()
            .filter(d -> d.passed() && d.snapshot().equals(s.id()))
            .max(Comparator.comparing(Protections.Drill::time));
        if (passed.isPresent()) {
          return passed;
        }
      }
      return Optional.empty();
    }

    List<KeepDecision> decide() {
      int last = rules.map(r -> r.retention().last()).orElse(0);
      int[] left = new int[Bucket.values().length];
      String[] lastKey = new String[left.length];
      rules.ifPresent(r -> {
        for (Bucket b : Bucket.values()) {
          left[b.ordinal()] = b.count(r.retention());
        }
      });
      List<KeepDecision> out = new ArrayList<>();
      for (SnapshotFacts s : newestFirst) {
        List<String> reasons = protectedBecause(s);
        if (rules.isEmpty()) {
          reasons.add("no retention rules for " + group);
        } else {
          if (last > 0) {
            reasons.add("last " + (rules.get().retention().last() - last + 1));
            last--;
          }
          ZonedDateTime local = s.time().atZone(rules.get().zone());
          for (Bucket b : Bucket.values()) {
            String key = b.key(local);
            if (left[b.ordinal()] > 0 && !key.equals(lastKey[b.ordinal()])) {
              reasons.add(b.label + " " + key);
              lastKey[b.ordinal()] = key;
              left[b.ordinal()]--;
            }
          }
          reasons.addAll(byAge(s, rules.get()));
        }
        out.add(new KeepDecision(s, group, reasons));
      }
      return out;
    }

    /** Holds, drills and tags: what keeps a snapshot whatever its age. */
    private List<String> protectedBecause(SnapshotFacts s) {
      List<String> reasons = new ArrayList<>();
      String hold = protections.holds().get(s.id());
      if (hold != null) {
        reasons.add("legal hold: " + hold);
      }
      ZoneId zone = rules.map(KeepRules::zone).orElse(ZoneOffset.UTC);
      drilled.filter(d -> d.snapshot().equals(s.id()))
          .ifPresent(d -> reasons.add("newest drill-passed (drill " + DAY.format(d.time().atZone(zone)) + ")"));
      Set<String> kept = rules.map(r -> Set.copyOf(r.retention().tags())).orElse(Set.of());
      s.tags().stream().filter(kept::contains).sorted().forEach(t -> reasons.add("tag " + t));
      return reasons;
    }

    /** {@code within} (back from the group's newest snapshot) and the policy floor (back from now). */
    private List<String> byAge(SnapshotFacts s, KeepRules r) {
      List<String> reasons = new ArrayList<>();
      Instant newest = newestFirst.getFirst().time();
      r.retention().within().ifPresent(p -> {
        if (!s.time().isBefore(newest.atZone(r.zone()).minus(p).toInstant())) {
          reasons.add("within " + Spans.format(p));
        }
      });
      r.floor().ifPresent(p -> {
        if (!s.time().isBefore(now.atZone(r.zone()).minus(p).toInstant())) {
          reasons.add("minimum " + Spans.format(p) + " (" + r.floorBasis() + ")");
        }
      });
      return reasons;
    }
  }
}
