package org.kho.cli;

import java.nio.file.Path;
import org.kho.core.UsageException;
import picocli.CommandLine.Option;

/** {@code --config DIR}, also taken from the {@code KHO_CONFIG} environment variable. */
final class ConfigOption {
  @Option(names = {"-c", "--config"}, paramLabel = "DIR", defaultValue = "${env:KHO_CONFIG}",
      description = "The config directory (catalogue.yaml, schedules/, restore-drills/). Default: $KHO_CONFIG.")
  private Path dir;

  Path dir() {
    if (dir == null) {
      throw new UsageException("no config directory given", "pass --config DIR or set KHO_CONFIG (create one with kho init DIR)");
    }
    return dir;
  }
}
