package org.kho.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FreshnessTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final Optional<Duration> DAILY = Optional.of(Duration.ofDays(1));

  @Test
  void anItemNeverBackedUpIsOverdue() {
    assertThat(Freshness.at(NOW, Optional.empty(), DAILY).overdue()).isTrue();
  }

  @Test
  void aDailyBackupIsFreshWithinItsDayAndSixHoursOfGrace() {
    assertThat(Freshness.at(NOW, Optional.of(NOW.minus(Duration.ofHours(29))), DAILY).overdue()).isFalse();
    Freshness.Verdict late = Freshness.at(NOW, Optional.of(NOW.minus(Duration.ofHours(31))), DAILY);
    assertThat(late.overdue()).isTrue();
    assertThat(late.dueBy()).contains(NOW.minus(Duration.ofHours(1)));
  }

  @Test
  void aFrequentScheduleGetsHalfItsIntervalOfGrace() {
    Optional<Duration> tenMinutes = Optional.of(Duration.ofMinutes(10));
    assertThat(Freshness.at(NOW, Optional.of(NOW.minus(Duration.ofMinutes(14))), tenMinutes).overdue()).isFalse();
    assertThat(Freshness.at(NOW, Optional.of(NOW.minus(Duration.ofMinutes(16))), tenMinutes).overdue()).isTrue();
  }

  @Test
  void aOneOffScheduleIsNeverOverdueOnceDone() {
    assertThat(Freshness.at(NOW, Optional.of(NOW.minus(Duration.ofDays(900))), Optional.empty()).overdue()).isFalse();
  }
}
