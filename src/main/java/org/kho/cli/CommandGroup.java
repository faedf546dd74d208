package org.kho.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code kho}, {@code kho key}, {@code kho drill} ...): run
 * without one, it prints its usage, which lists them.
 */
abstract class CommandGroup implements Runnable {
  @Spec
  private CommandSpec spec;

  @Override
  public final void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
