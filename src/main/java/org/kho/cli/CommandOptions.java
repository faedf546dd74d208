package org.kho.cli;

import java.time.Duration;
import org.kho.app.CommandStreams;
import org.kho.catalogue.TimeSpans;
import org.kho.command.ExternalCommand;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** How a command given on Kho's command line runs: without a shell unless {@code --shell}, within a time limit. */
final class CommandOptions {
  @Option(names = "--shell", description = "Run the command line with /bin/sh -c (for pipes and redirections). "
      + "Without it the line is split into words and run directly; shell syntax is refused.")
  boolean shell;

  @Option(names = "--command-timeout", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
      description = "Stop the command, and fail, when it runs longer than this (e.g. 30m, 4h; default 1h).")
  Duration timeout;

  ExternalCommand command(String line, String option) {
    return CommandStreams.command(line, shell, timeout, option);
  }

  /** Reads {@code 30m}, {@code 4h}, {@code 1h30m}, {@code PT4H}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration d = TimeSpans.duration(value);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("'" + value + "' is not a positive duration");
      }
      return d;
    }
  }
}
