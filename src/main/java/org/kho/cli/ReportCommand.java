package org.kho.cli;

import picocli.CommandLine.Command;

/** {@code kho report compliance|periodic}. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Reports from Kho's own records over a period (a year 2026, a quarter 2026-Q4 or a month 2026-11), "
        + "as HTML, PDF or JSON, in Vietnamese or English."},
    subcommands = {ReportComplianceCommand.class, ReportPeriodicCommand.class})
final class ReportCommand extends CommandGroup {
}
