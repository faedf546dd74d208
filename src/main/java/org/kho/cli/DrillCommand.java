package org.kho.cli;

import picocli.CommandLine.Command;

/** {@code kho drill run|list|show|coverage}: restore drills and their signed reports. */
@Command(name = "drill", mixinStandardHelpOptions = true,
    description = {"Restore drills: prove on schedule that backups restore, with signed reports,",
        "and show how much of the catalogue the drills have proven."},
    subcommands = {DrillRunCommand.class, DrillListCommand.class, DrillShowCommand.class, DrillCoverageCommand.class})
final class DrillCommand extends CommandGroup {
}
