package org.kho.logarchive;

import java.time.YearMonth;
import java.util.List;

/**
 * What archiving one month into one target did.
 *
 * @param snapshot the month's snapshot id, or null (no logs, or not archived)
 * @param manifest the evidence record holding the month's manifest, or null
 * @param problems files that could not be stored as they were
 * @param failure why the month could not be archived, or null
 */
public record MonthRun(YearMonth month, Outcome outcome, String snapshot, long files, long bytes, String manifest,
    List<String> problems, String failure) {
  public MonthRun {
    problems = List.copyOf(problems);
  }

  /** How the month ended. */
  public enum Outcome {
    /** Stored and its manifest signed. */
    ARCHIVED,
    /** Closed with no logs at all: an empty manifest records the gap. */
    EMPTY,
    /** Still open, archived because it was forced; archived again once it closes. */
    PARTIAL,
    /** Archived before: nothing done. */
    ALREADY,
    /** Could not be archived (see failure); nothing of it counts. */
    FAILED
  }

  static MonthRun failed(YearMonth month, String why) {
    return new MonthRun(month, Outcome.FAILED, null, 0, 0, null, List.of(), why);
  }
}
