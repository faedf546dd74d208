package org.kho.cli;

import picocli.CommandLine.Command;

/** {@code kho catalogue check|show}. */
@Command(name = "catalogue", mixinStandardHelpOptions = true,
    description = "Check or show the catalogue of a config directory.",
    subcommands = {CatalogueCheckCommand.class, CatalogueShowCommand.class})
final class CatalogueCommand extends CommandGroup {
}
