package org.kho.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.kho.catalogue.CatalogueLoader;
import org.kho.core.UsageException;

/** Writes a new config directory from the shipped examples ({@code kho init DIR}). */
public final class InitService {
  /** The files written, relative to the new directory. */
  public record Result(Path directory, List<Path> written) {}

  /** Creates {@code dir} (which must not exist or be empty) and fills it. */
  public Result init(Path dir) {
    requireEmpty(dir);
    List<Path> written = new ArrayList<>();
    write(dir, "catalogue.yaml", schemaFromRoot(Shipped.read("deploy/catalogue.yaml")), written);
    write(dir, "policy.yaml", schemaFromRoot(Shipped.read(CatalogueLoader.BUILT_IN_POLICY)), written);
    for (String folder : List.of("schedules", "restore-drills", "schema")) {
      for (String name : Shipped.list(folder)) {
        write(dir, folder + "/" + name, Shipped.read(folder + "/" + name), written);
      }
    }
    return new Result(dir, written);
  }

  private static void requireEmpty(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new UsageException(dir + " exists and is not a directory", "choose a new directory name");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new UsageException(dir + " is not empty; kho init never overwrites files",
            "choose a new or empty directory");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Files at the directory's root refer to the schemas in {@code schema/}, not {@code ../schema/}. */
  private static byte[] schemaFromRoot(byte[] content) {
    return new String(content, StandardCharsets.UTF_8).replace("$schema=../schema/", "$schema=schema/")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void write(Path dir, String name, byte[] content, List<Path> written) {
    Path file = dir.resolve(name);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    written.add(dir.relativize(file));
  }
}
