package org.kho.cli;

import java.util.Arrays;
import picocli.CommandLine.Command;

/** Finds which subcommand a command line names, from the annotations alone (no picocli model is built). */
final class LeanCommandLine {
  private LeanCommandLine() {}

  /**
   * The class of the subcommand of {@code root} that {@code args} run, when their first word
   * (after any {@code -v}) is the name or alias of one in Kho's own package; null when they name
   * none, or ask for something that needs the whole tree.
   */
  static Class<?> subcommand(Class<?> root, String[] args) {
    String word = Arrays.stream(args).filter(a -> !a.matches("-v+|--verbose")).findFirst().orElse(null);
    if (word == null || word.startsWith("-")) {
      return null;
    }
    for (Class<?> sub : root.getAnnotation(Command.class).subcommands()) {
      Command c = sub.getAnnotation(Command.class);
      if (sub.getPackage() == root.getPackage() && (c.name().equals(word) || Arrays.asList(c.aliases()).contains(word))) {
        return sub;
      }
    }
    return null;
  }
}
