package org.kho.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code kho} command without its subcommands: its name, {@code --help}, {@code --version} and
 * {@code -v}. {@link Main} adds the subcommand list; a run that names one subcommand gets this
 * root with only that subcommand added, so picocli does not build the model of the fifty others.
 */
@Command(name = "kho", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
class Root extends CommandGroup {
  @Mixin
  private Verbosity verbosity;
}
