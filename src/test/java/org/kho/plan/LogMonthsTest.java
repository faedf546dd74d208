package org.kho.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogMonthsTest {
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  /** 1 November 2026, 00:30 in Hanoi: still 31 October in UTC. */
  private static final Instant JUST_AFTER = Instant.parse("2026-10-31T17:30:00Z");

  @Test
  void aMonthClosesAtMidnightInTheSourcesZone() {
    assertThat(LogMonths.closed(YearMonth.of(2026, 10), JUST_AFTER, HANOI)).isTrue();
    assertThat(LogMonths.closed(YearMonth.of(2026, 10), JUST_AFTER, ZoneId.of("UTC"))).isFalse();
  }

  @Test
  void dueMonthsRunFromTheLastArchivedOrTheFirstLogsToTheLastClosedMonth() {
    assertThat(LogMonths.due(Optional.of(YearMonth.of(2026, 8)), Optional.of(YearMonth.of(2026, 1)), JUST_AFTER, HANOI,
        Optional.empty())).containsExactly(YearMonth.of(2026, 9), YearMonth.of(2026, 10));
    assertThat(LogMonths.due(Optional.empty(), Optional.of(YearMonth.of(2026, 9)), JUST_AFTER, HANOI,
        Optional.of(YearMonth.of(2026, 9)))).containsExactly(YearMonth.of(2026, 9));
    assertThat(LogMonths.due(Optional.of(YearMonth.of(2026, 10)), Optional.empty(), JUST_AFTER, HANOI, Optional.empty()))
        .isEmpty();
    assertThat(LogMonths.due(Optional.empty(), Optional.empty(), JUST_AFTER, HANOI, Optional.empty())).isEmpty();
  }

  @Test
  void aMonthIsKeptForWholeMonthsAfterItCloses() {
    assertThat(LogMonths.keepUntil(YearMonth.of(2026, 9), 3)).isEqualTo(LocalDate.of(2027, 1, 1));
  }
}
