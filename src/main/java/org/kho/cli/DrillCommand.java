package org.kho.cli;

import picocli.CommandLine.Command;

/** {@code kho drill list|show|coverage}: the signed reports of restore drills. */
@Command(name = "drill", mixinStandardHelpOptions = true,
    description = "Restore drills: their signed reports, and how much of the catalogue they have proven.",
    subcommands = {DrillListCommand.class, DrillShowCommand.class, DrillCoverageCommand.class})
final class DrillCommand implements Runnable {
  @picocli.CommandLine.Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
