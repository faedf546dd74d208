package org.kho.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Temporary folders under {@code target/tmp} instead of {@code /tmp}, for tests whose snapshots
 * record the folders above the data: {@code /tmp} is changed by every other process on the
 * machine, so two backups of the same data would differ in its modification time. Use with
 * {@code @TempDir(factory = ProjectTempDirs.class)}.
 */
public final class ProjectTempDirs implements TempDirFactory {
  @Override
  public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
    Path base = Files.createDirectories(Path.of("target", "tmp").toAbsolutePath());
    return Files.createTempDirectory(base, "junit-");
  }
}
