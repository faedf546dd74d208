package org.kho.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.kho.core.UsageException;

class PeriodTest {
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

  @Test
  void aQuarterRunsFromItsFirstMidnightToTheNextQuartersInTheZone() {
    Period q4 = Period.parse("2026-Q4", HANOI);
    assertThat(q4.from()).isEqualTo(Instant.parse("2026-09-30T17:00:00Z"));
    assertThat(q4.to()).isEqualTo(Instant.parse("2026-12-31T17:00:00Z"));
    assertThat(q4.containsMonth(YearMonth.of(2026, 10))).isTrue();
    assertThat(q4.containsMonth(YearMonth.of(2027, 1))).isFalse();
    assertThat(q4.contains(Instant.parse("2026-12-31T16:59:59Z"))).isTrue();
    assertThat(q4.contains(Instant.parse("2026-12-31T17:00:00Z"))).isFalse();
  }

  @Test
  void aMonthAndAYear() {
    assertThat(Period.parse("2026-11", HANOI).first()).isEqualTo(YearMonth.of(2026, 11));
    assertThat(Period.parse("2026-11", HANOI).last()).isEqualTo(YearMonth.of(2026, 11));
    assertThat(Period.parse("2026", HANOI).last()).isEqualTo(YearMonth.of(2026, 12));
  }

  @Test
  void anythingElseIsRefusedSayingWhatToGive() {
    assertThatThrownBy(() -> Period.parse("2026-Q5", HANOI)).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> Period.parse("2026-13", HANOI)).isInstanceOf(UsageException.class)
        .hasMessageContaining("month 13");
    assertThatThrownBy(() -> Period.parse("Q4", HANOI)).isInstanceOf(UsageException.class)
        .hasMessageContaining("not a period");
  }

  @Test
  void aStatementBelongsByItsTimeOrStartAndAManifestByItsMonth() {
    Period nov = Period.parse("2026-11", HANOI);
    assertThat(nov.covers(statement("kho.snapshot.v1", "2026-11-30T16:59:00Z", null, null))).isTrue();
    assertThat(nov.covers(statement("kho.snapshot.v1", "2026-11-30T17:00:00Z", null, null))).isFalse();
    assertThat(nov.covers(statement("kho.drill.v1", null, "2026-11-02T00:00:00Z", null))).isTrue();
    assertThat(nov.covers(statement("kho.logs.month.v1", "2026-12-01T01:00:00Z", null, "2026-11"))).isTrue();
    assertThat(nov.covers(statement("kho.snapshot.v1", null, null, null))).isFalse();
  }

  private static Statement statement(String type, String time, String started, String month) {
    return new Statement(type, null, null, time, null, null, started, month, null);
  }
}
