package org.kho.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The shipped example config directory, copied into a test folder with edits to its catalogue. */
final class ExampleConfig {
  private ExampleConfig() {}

  /** Copies the examples into {@code config}, replaces each {@code edits[2k]} of the catalogue by {@code edits[2k+1]}, loads it. */
  static CatalogueLoader.Result load(Path config, Clock clock, String... edits) throws IOException {
    Path root = Path.of("").toAbsolutePath();
    String catalogue = Files.readString(root.resolve("deploy/catalogue.yaml"));
    for (int i = 0; i < edits.length; i += 2) {
      assertThat(catalogue).contains(edits[i]);
      catalogue = catalogue.replace(edits[i], edits[i + 1]);
    }
    Files.writeString(config.resolve("catalogue.yaml"), catalogue);
    for (String folder : List.of("schedules", "restore-drills")) {
      Files.createDirectories(config.resolve(folder));
      try (DirectoryStream<Path> s = Files.newDirectoryStream(root.resolve(folder), "*.yaml")) {
        for (Path file : s) {
          Files.copy(file, config.resolve(folder).resolve(file.getFileName().toString()),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return new CatalogueLoader(clock).load(config);
  }
}
