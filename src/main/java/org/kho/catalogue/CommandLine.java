package org.kho.catalogue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A command Kho runs: a list of words (run directly, no shell), or a shell line run by
 * {@code /bin/sh -c}; stopped when it takes longer than {@code timeout}.
 *
 * @param env variables set for the command: plain values, or references to secrets (read when
 *     the command starts, never printed)
 */
public record CommandLine(String name, List<String> argv, Duration timeout, Map<String, EnvValue> env) {
  /** Copies the words and variables. */
  public CommandLine {
    argv = List.copyOf(argv);
    env = Map.copyOf(env);
  }

  /** A command with no variables of its own. */
  public CommandLine(String name, List<String> argv, Duration timeout) {
    this(name, argv, timeout, Map.of());
  }

  /** The command as a person would type it. */
  public String display() {
    return String.join(" ", argv);
  }

  /** The value of one variable of a command's environment. */
  public sealed interface EnvValue {
    /** A value written in the catalogue (a host name, a port: nothing secret). */
    record Plain(String value) implements EnvValue {}

    /** A secret (a database password), read where the reference says when the command starts. */
    record Secret(SecretRef ref) implements EnvValue {}
  }
}
