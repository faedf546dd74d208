package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kho.report.ComplianceReport.Summary;

class ReportComplianceCommandTest {
  @Test
  void aRuleNotMetCallsForAttentionAndWaivedOrUnknownRulesDoNot() {
    assertThat(ReportComplianceCommand.exitCode(new Summary(2, 1, 30, 20, 0, 6, 4, List.of()))).isEqualTo(ExitCodes.OK);
    assertThat(ReportComplianceCommand.exitCode(new Summary(2, 1, 30, 29, 1, 0, 0, List.of())))
        .isEqualTo(ExitCodes.ATTENTION);
  }

  @Test
  void theHelpDocumentsTheAttentionCode() {
    String help = new picocli.CommandLine(new ReportComplianceCommand(java.time.Clock.systemUTC())).getUsageMessage().replaceAll("\\s+", " ");
    assertThat(help).contains("5 (attention) when any rule was not met");
    assertThat(ExitCodes.described().get("5")).contains("kho report compliance: a rule was not met");
  }
}
