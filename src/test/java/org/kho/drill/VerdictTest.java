package org.kho.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kho.drill.DrillStatement.Objective;
import org.kho.drill.DrillStatement.Outcome;

class VerdictTest {
  private static final Objective NO_TARGET = Objective.of(Optional.empty(), Duration.ofSeconds(5000));
  private static final DrillStatement.Command PASSED = new DrillStatement.Command("lists", List.of("true"), 0, new BigDecimal("0.1"), true, "");
  private static final DrillStatement.Command FAILED =
      new DrillStatement.Command("opens", List.of("false"), 3, new BigDecimal("0.1"), false, "boom");

  @Test
  void nothingWrongPasses() {
    Verdict v = Verdict.of(List.of(), List.of(PASSED), NO_TARGET, NO_TARGET);

    assertThat(v.outcome()).isEqualTo(Outcome.PASSED);
    assertThat(v.reasons()).isEmpty();
    assertThat(v.corrective()).isEmpty();
  }

  @Test
  void damagedFilesFail() {
    Verdict v = Verdict.of(List.of(new Verdict.Failure("2 files of item a are damaged", "restore them")), List.of(PASSED),
        NO_TARGET, NO_TARGET);

    assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(v.reasons()).containsExactly("2 files of item a are damaged");
    assertThat(v.corrective()).containsExactly("restore them");
  }

  @Test
  void aFailedStepFailsNamingItAndItsExitStatus() {
    Verdict v = Verdict.of(List.of(), List.of(PASSED, FAILED), NO_TARGET, NO_TARGET);

    assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(v.reasons()).singleElement().asString().contains("'opens'").contains("exit status 3");
    assertThat(v.corrective()).hasSize(1);
  }

  @Test
  void aMissedTimeTargetOnlyWarns() {
    Objective slow = Objective.of(Optional.of(Duration.ofMinutes(1)), Duration.ofSeconds(61));
    Objective old = Objective.of(Optional.of(Duration.ofDays(1)), Duration.ofSeconds(3 * 86400));

    Verdict v = Verdict.of(List.of(), List.of(PASSED), slow, old);

    assertThat(slow.met()).isFalse();
    assertThat(v.outcome()).isEqualTo(Outcome.WARNED);
    assertThat(v.reasons()).hasSize(2).anySatisfy(r -> assertThat(r).contains("RTO target of 60 s"))
        .anySatisfy(r -> assertThat(r).contains("RPO target of 24.0 h"));
  }

  @Test
  void aFailureOutranksAMissedTarget() {
    Verdict v = Verdict.of(List.of(), List.of(FAILED), Objective.of(Optional.of(Duration.ofSeconds(1)), Duration.ofSeconds(2)), NO_TARGET);

    assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(v.reasons()).hasSize(2);
  }

  @Test
  void anObjectiveWithoutATargetIsMet() {
    assertThat(NO_TARGET.met()).isTrue();
    assertThat(NO_TARGET.targetSeconds()).isNull();
    assertThat(Objective.of(Optional.of(Duration.ofSeconds(10)), Duration.ofSeconds(10)).met()).isTrue();
  }
}
