package org.kho.plan;

import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.kho.catalogue.Retention;

/**
 * What a retention decision keeps, for one group of snapshots: an item's {@link Retention} plus the
 * policy table's floor, with the time zone whose calendar the hourly to yearly buckets follow.
 *
 * @param floor no snapshot younger than this (counted back from now) is forgotten; empty for none
 * @param floorBasis why the floor applies, for the reason printed, e.g. "policy vn-2020.1 level 3"
 */
public record KeepRules(Retention retention, Optional<Period> floor, String floorBasis, ZoneId zone) {

  /** Rules with no floor. */
  public static KeepRules of(Retention retention, ZoneId zone) {
    return new KeepRules(retention, Optional.empty(), "", zone);
  }

  /** Counts only, for ad hoc use ({@code kho forget --keep-daily 7 …}). */
  public static KeepRules counts(int last, int hourly, int daily, int weekly, int monthly, int yearly,
      Optional<Period> within, List<String> tags, ZoneId zone) {
    return of(new Retention(last, hourly, daily, weekly, monthly, yearly, within, tags), zone);
  }

  /** Whether these rules keep anything at all; a decision with rules that keep nothing is refused. */
  public boolean keepsSomething() {
    Retention r = retention;
    return r.last() + r.hourly() + r.daily() + r.weekly() + r.monthly() + r.yearly() > 0 || r.within().isPresent()
        || !r.tags().isEmpty();
  }
}
