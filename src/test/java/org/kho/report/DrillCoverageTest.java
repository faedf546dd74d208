package org.kho.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kho.evidence.DrillReportSamples;
import org.kho.drill.DrillStatement;

class DrillCoverageTest {
  private static final Instant JAN = Instant.parse("2026-01-05T02:00:00Z");

  private static Instant month(int n) {
    return JAN.plus(Duration.ofDays(30L * n));
  }

  /** A finished cycle of 4 slices under seed 1, then slices 0 (passed), 1 (failed), 2 (passed) under seed 2. */
  private static List<DrillStatement> twoCycles() {
    List<DrillStatement> all = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      all.add(DrillReportSamples.passed("quarterly", month(i), 1, i, 4));
    }
    all.add(DrillReportSamples.passed("quarterly", month(4), 2, 0, 4));
    all.add(DrillReportSamples.failed("quarterly", month(5), 2, 1, 4));
    all.add(DrillReportSamples.passed("quarterly", month(6), 2, 2, 4));
    return all;
  }

  @Test
  void theNewestCycleCountsTheSlicesThatPassedUnderItsSeed() {
    List<DrillStatement> drills = new ArrayList<>(twoCycles());
    java.util.Collections.reverse(drills);
    DrillCoverage c = DrillCoverage.of(drills, Optional.empty(), Instant.EPOCH);
    assertThat(c.rows()).extracting(DrillCoverage.Row::item).containsExactly("csdl-canbo", "hoso-motcua");
    DrillCoverage.Row row = c.rows().get(1);
    assertThat(row.plan()).isEqualTo("quarterly");
    assertThat(row.runs()).isEqualTo(7);
    assertThat(row.passed()).isEqualTo(6);
    assertThat(row.slicesPassed()).as("slices 0 and 2 of the new seed; 1 failed").isEqualTo(2);
    assertThat(row.sliceCount()).isEqualTo(4);
    assertThat(row.cycleComplete()).isFalse();
    assertThat(row.lastPass()).isEqualTo(month(6).plusSeconds(1_845));
    assertThat(row.filesVerified()).isEqualTo(6 * 124L + 122);
    assertThat(c.uncovered()).isEmpty();
  }

  @Test
  void aCompletedCycleProvesEverySlice() {
    DrillCoverage c = DrillCoverage.of(twoCycles().subList(0, 4), Optional.empty(), Instant.EPOCH);
    assertThat(c.rows()).allSatisfy(r -> assertThat(r.cycleComplete()).isTrue());
  }

  @Test
  void thePeriodLimitsRunsButNotTheNewestCycle() {
    DrillCoverage c = DrillCoverage.of(twoCycles(), Optional.empty(), month(5));
    DrillCoverage.Row row = c.rows().getFirst();
    assertThat(row.runs()).isEqualTo(2);
    assertThat(row.passed()).isEqualTo(1);
    assertThat(row.slicesPassed()).isEqualTo(2);
  }

  @Test
  void aPlanRestoringEverythingHasOneSlice() {
    DrillCoverage c = DrillCoverage.of(List.of(DrillReportSamples.passed("monthly", JAN, 9, 0, 1)), Optional.empty(),
        Instant.EPOCH);
    assertThat(c.rows()).allSatisfy(r -> {
      assertThat(r.sliceCount()).isEqualTo(1);
      assertThat(r.cycleComplete()).isTrue();
    });
  }
}
