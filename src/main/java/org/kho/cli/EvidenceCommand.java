package org.kho.cli;

import picocli.CommandLine.Command;

/** {@code kho evidence verify|export}. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
    description = "Export and verify signed evidence: a repository's, a wipe certificate, or an evidence bundle for auditors.",
    subcommands = {EvidenceVerifyCommand.class, EvidenceExportCommand.class})
final class EvidenceCommand implements Runnable {
  @picocli.CommandLine.Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
