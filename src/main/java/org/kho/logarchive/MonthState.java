package org.kho.logarchive;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * One month of a source in one repository, as its manifests say.
 *
 * @param keepUntil the first day the month may be removed
 * @param snapshot the month's snapshot, or null
 */
public record MonthState(YearMonth month, State state, long files, long bytes, LocalDate keepUntil, String snapshot) {
  /** Where the month stands. */
  public enum State {
    /** Archived after it closed, with logs. */
    ARCHIVED,
    /** Archived after it closed, without any log: a gap where logs were expected. */
    EMPTY,
    /** Archived while still open (forced); archived again once it closes. */
    PARTIAL,
    /** Closed, but not archived: a gap. */
    MISSING
  }

  /** Whether the month is a gap: no logs where logs were expected. */
  public boolean gap() {
    return state == State.EMPTY || state == State.MISSING;
  }

  static MonthState of(YearMonth month, Optional<Chain.Link> link, LocalDate keepUntil) {
    if (link.isEmpty()) {
      return new MonthState(month, State.MISSING, 0, 0, keepUntil, null);
    }
    Manifest m = link.get().manifest();
    State state = !m.closed() ? State.PARTIAL : m.entries().isEmpty() ? State.EMPTY : State.ARCHIVED;
    return new MonthState(month, state, m.files(), m.bytes(), LocalDate.parse(m.keepUntil()), m.snapshot());
  }
}
