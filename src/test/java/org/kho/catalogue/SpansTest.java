package org.kho.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;

class SpansTest {
  @Test
  void durationsReadShortFormsAndIso() {
    assertThat(Spans.duration("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Spans.duration("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Spans.duration("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Spans.duration("2 days")).isEqualTo(Duration.ofDays(2));
    assertThat(Spans.duration("PT4H")).isEqualTo(Duration.ofHours(4));
  }

  @Test
  void periodsReadMonthsAsMo() {
    assertThat(Spans.period("6mo")).isEqualTo(Period.ofMonths(6));
    assertThat(Spans.period("1y6mo")).isEqualTo(Period.of(1, 6, 0));
    assertThat(Spans.period("12w")).isEqualTo(Period.ofWeeks(12));
    assertThat(Spans.period("P1Y")).isEqualTo(Period.ofYears(1));
  }

  @Test
  void garbageIsRefusedNamingTheValue() {
    assertThatThrownBy(() -> Spans.duration("4 hours-ish")).hasMessageContaining("'4 hours-ish' is not a duration");
    assertThatThrownBy(() -> Spans.duration("h4")).hasMessageContaining("not a duration");
    assertThatThrownBy(() -> Spans.period("6 moons")).hasMessageContaining("not a period");
  }

  @Test
  void formatsRoundTrip() {
    assertThat(Spans.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Spans.format(Period.of(1, 6, 0))).isEqualTo("1y6mo");
  }
}
