package org.kho.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.kho.app.StateAccess;

/** Config directories for daemon tests: items on one local target, on schedules firing every few seconds. */
final class TestConfig {
  private TestConfig() {}

  /**
   * Writes {@code items} items ({@code item1}, ...) on target {@code disk}, each on schedule
   * {@code fast} ({@code when}, with {@code missedRuns}).
   */
  static Path write(Path dir, int items, String when, String missedRuns) {
    try {
      Files.createDirectories(dir.resolve("schedules"));
      Files.writeString(dir.resolve("schedules/fast.yaml"),
          "when: " + when + "\ntimeZone: UTC\nmissedRuns: " + missedRuns + "\n");
      StringBuilder yaml = new StringBuilder("""
          agency: {name: Test agency}
          targets:
            - {id: disk, path: %s}
          items:
          """.formatted(dir.resolve("repo")));
      for (int i = 1; i <= items; i++) {
        yaml.append("""
              - id: item%d
                name: Item %d
                owner: IT
                securityLevel: 1
                sources: [{path: %s}]
                targets: [disk]
                schedule: fast
                retention: {daily: 7}
                waivers: {drill.frequency: "daemon test, no drills"}
            """.formatted(i, i, dir.resolve("data")));
      }
      Files.writeString(dir.resolve("catalogue.yaml"), yaml);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Daemon.Settings settings(Path config, String node, Duration misfireThreshold) {
    return new Daemon.Settings(config, StateAccess.Options.DEFAULT, node, 4, 1, misfireThreshold, Optional.empty(),
        Map.of(), Clock.systemUTC(), "kho test");
  }
}
