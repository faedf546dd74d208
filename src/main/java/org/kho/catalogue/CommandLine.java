package org.kho.catalogue;

import java.time.Duration;
import java.util.List;

/**
 * A command Kho runs: a list of words (run directly, no shell), or a shell line run by
 * {@code /bin/sh -c}; stopped when it takes longer than {@code timeout}.
 */
public record CommandLine(String name, List<String> argv, Duration timeout) {
  /** Copies the words. */
  public CommandLine {
    argv = List.copyOf(argv);
  }

  /** The command as a person would type it. */
  public String display() {
    return String.join(" ", argv);
  }
}
