package org.kho.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code -v} option every command takes: quiet by default, -v for INFO, -vv for DEBUG. */
final class Verbosity {
  private static int level;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "More output: -v for progress logs, -vv for debug logs and stack traces.")
  void setVerbose(boolean[] verbose) {
    level = verbose.length;
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(level == 0 ? Level.WARN : level == 1 ? Level.INFO : Level.DEBUG);
  }

  static int level() {
    return level;
  }
}
