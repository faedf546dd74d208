package org.kho.cli;

import picocli.CommandLine.Command;

/** {@code kho evidence verify|export}. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
    description = "Export and verify signed evidence: a repository's, a wipe certificate, or an evidence bundle for auditors.",
    subcommands = {EvidenceVerifyCommand.class, EvidenceExportCommand.class})
final class EvidenceCommand extends CommandGroup {
}
