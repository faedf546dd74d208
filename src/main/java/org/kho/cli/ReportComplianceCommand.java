package org.kho.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.kho.report.ComplianceDocuments;
import org.kho.report.ComplianceReport;
import org.kho.report.Pdf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code kho report compliance}: each catalogue rule, per item and log source, met or not in a period. */
@Command(name = "compliance", mixinStandardHelpOptions = true,
    description = {"For each catalogue item and log source, whether each rule of the catalogue and the policy table "
        + "was met in the period: backups at the required frequency (every gap with its dates), encryption and "
        + "signatures, separate storage and copies, retention, restore drills with their results and RTO/RPO, log "
        + "months archived, failures and how they were resolved. A summary first, then the details and what to fix.",
        "Exits 0 when every rule was met or waived, 5 (attention) when any rule was not met: the report is "
            + "written either way, and lists what to fix.",
        "Example: kho report compliance --config /etc/kho --period 2026-Q4 --format pdf --lang vi"})
final class ReportComplianceCommand implements Callable<Integer> {
  private final Clock clock;
  @Mixin
  private ReportOptions options;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  ReportComplianceCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    ComplianceReport report = options.compliance(clock);
    var docs = new ComplianceDocuments(Pdf.withSystemFonts());
    var out = spec.commandLine().getOut();
    switch (options.format()) {
      case JSON -> options.write("compliance", report.period(), org.kho.report.ReportJson.write(report), null, out);
      case HTML -> options.write("compliance", report.period(), docs.html(report, options.language()), null, out);
      case PDF -> options.write("compliance", report.period(), null, docs.pdf(report, options.language()), out);
    }
    if (!report.summary().compliant()) {
      spec.commandLine().getErr().println("kho: " + report.summary().notMet() + " of " + report.summary().rules()
          + " rules not met in " + report.period().label() + "; the report lists what to fix");
    }
    return exitCode(report.summary());
  }

  /** 0 when every rule was met, waived or had no data to judge; {@link ExitCodes#ATTENTION} when any was not met. */
  static int exitCode(ComplianceReport.Summary summary) {
    return summary.compliant() ? ExitCodes.OK : ExitCodes.ATTENTION;
  }
}
