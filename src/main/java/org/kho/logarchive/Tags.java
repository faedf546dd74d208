package org.kho.logarchive;

import java.time.YearMonth;
import java.util.List;

/**
 * The tags of a log-month snapshot: {@code logs}, {@code logs:SOURCE}, {@code month:YYYY-MM} and
 * {@code keep-until:YYYY-MM-DD}. Retention (forget/prune) reads the last to keep the month long
 * enough; the others find a month's snapshot without its manifest.
 */
final class Tags {
  static final String LOGS = "logs";

  private Tags() {}

  static String source(String source) {
    return "logs:" + source;
  }

  static String month(YearMonth month) {
    return "month:" + month;
  }

  static List<String> of(String source, YearMonth month, java.time.LocalDate keepUntil) {
    return List.of(LOGS, source(source), month(month), "keep-until:" + keepUntil);
  }
}
