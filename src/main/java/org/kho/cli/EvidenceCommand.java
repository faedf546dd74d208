package org.kho.cli;

import picocli.CommandLine.Command;

/** {@code kho evidence verify}. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
    description = "Verify the signed evidence of a repository with the agency's public key.",
    subcommands = {EvidenceVerifyCommand.class})
final class EvidenceCommand implements Runnable {
  @picocli.CommandLine.Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
