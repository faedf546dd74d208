package org.kho.command;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command to run: its words (the first is the program; no shell unless the words say
 * {@code /bin/sh -c}), the variables added to its environment, and its time limit.
 *
 * @param name what the command does, for messages (never holds a secret)
 * @param env variables set for the command, on top of Kho's environment without {@code KHO_*}
 * @param secret names of the variables in {@code env} whose values are secrets: never printed, and
 *     blanked out of the stderr shown in messages
 */
public record ExternalCommand(String name, List<String> argv, Map<String, String> env, Set<String> secret,
    Duration timeout) {

  /** Copies the collections; the words must not be empty and the time limit must be positive. */
  public ExternalCommand {
    argv = List.copyOf(argv);
    env = Map.copyOf(env);
    secret = Set.copyOf(secret);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("a command needs at least one word");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the time limit of '" + name + "' must be positive, not " + timeout);
    }
  }

  /** A command of {@code argv} with no extra environment. */
  public static ExternalCommand of(List<String> argv, Duration timeout) {
    return new ExternalCommand(String.join(" ", argv), argv, Map.of(), Set.of(), timeout);
  }

  /** The same command with {@code more} variables added (replacing any of the same name). */
  public ExternalCommand withEnv(Map<String, String> more) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.putAll(more);
    return new ExternalCommand(name, argv, all, secret, timeout);
  }

  /** The words as a person would type them; safe to print (secrets never go into words). */
  public String display() {
    return String.join(" ", argv);
  }
}
