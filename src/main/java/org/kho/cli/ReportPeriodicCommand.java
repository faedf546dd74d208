package org.kho.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.kho.report.ComplianceDocuments;
import org.kho.report.PeriodicReport;
import org.kho.report.Pdf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code kho report periodic}: the sections of the agency's periodic security report that Kho can answer. */
@Command(name = "periodic", mixinStandardHelpOptions = true,
    description = {"The sections of the agency's periodic information-security report that Kho answers from its "
        + "records: systems and data protected, backup and restore-test status, incidents seen (failed backups, "
        + "damaged data, integrity alarms), disks wiped, compliance; laid out to attach to the official form.",
        "Example: kho report periodic --config /etc/kho --period 2026 --format pdf"})
final class ReportPeriodicCommand implements Callable<Integer> {
  private final Clock clock;
  @Mixin
  private ReportOptions options;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  ReportPeriodicCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PeriodicReport report = PeriodicReport.of(options.compliance(clock));
    var docs = new ComplianceDocuments(Pdf.withSystemFonts());
    var out = spec.commandLine().getOut();
    switch (options.format()) {
      case JSON -> options.write("periodic", report.period(), org.kho.report.ReportJson.write(report), null, out);
      case HTML -> options.write("periodic", report.period(), docs.html(report, options.language()), null, out);
      case PDF -> options.write("periodic", report.period(), null, docs.pdf(report, options.language()), out);
    }
    return ExitCodes.OK;
  }
}
