package org.kho.cli;

import picocli.CommandLine.Command;

/** {@code kho catalogue check|show}. */
@Command(name = "catalogue", mixinStandardHelpOptions = true,
    description = "Check or show the catalogue of a config directory.",
    subcommands = {CatalogueCheckCommand.class, CatalogueShowCommand.class})
final class CatalogueCommand implements Runnable {
  @picocli.CommandLine.Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
