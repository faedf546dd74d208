package org.kho.cli;

import picocli.CommandLine.Command;

/** {@code kho drill ...}: restore drills. */
@Command(name = "drill", mixinStandardHelpOptions = true,
    description = {"Restore drills: prove on schedule that backups restore, with signed reports."},
    subcommands = {DrillRunCommand.class})
final class DrillCommand implements Runnable {
  @picocli.CommandLine.Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
