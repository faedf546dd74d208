package org.kho.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kho.core.UsageException;

class ReportPeriodTest {
  @Test
  void aQuarterRunsFromItsFirstDayToTheFirstDayAfterInTheReportsZone() {
    ReportPeriod q = ReportPeriod.parse("2026-q4");
    assertThat(q.label()).isEqualTo("2026-Q4");
    assertThat(q.kind()).isEqualTo(ReportPeriod.Kind.QUARTER);
    assertThat(q.first()).isEqualTo(LocalDate.parse("2026-10-01"));
    assertThat(q.last()).isEqualTo(LocalDate.parse("2026-12-31"));
    assertThat(q.from(ZoneId.of("Asia/Ho_Chi_Minh"))).isEqualTo(Instant.parse("2026-09-30T17:00:00Z"));
    assertThat(q.to(ZoneId.of("Asia/Ho_Chi_Minh"))).isEqualTo(Instant.parse("2026-12-31T17:00:00Z"));
    assertThat(q.fileLabel()).isEqualTo("2026-q4");
  }

  @Test
  void aMonthAndAYear() {
    assertThat(ReportPeriod.parse("2026-02").end()).isEqualTo(LocalDate.parse("2026-03-01"));
    assertThat(ReportPeriod.parse(" 2026 ").end()).isEqualTo(LocalDate.parse("2027-01-01"));
    assertThat(ReportPeriod.parse("2026").kind()).isEqualTo(ReportPeriod.Kind.YEAR);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-Q5", "2026-13", "2026-00", "Q4", "26-Q4", "2026-11-01", "", "1999"})
  void anythingElseIsAUsageErrorNamingTheFormsUnderstood(String text) {
    assertThatThrownBy(() -> ReportPeriod.parse(text)).isInstanceOf(UsageException.class)
        .hasMessageContaining("is not a year, a quarter or a month");
  }
}
