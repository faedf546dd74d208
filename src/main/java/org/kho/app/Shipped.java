package org.kho.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.kho.catalogue.CatalogueLoader;

/**
 * The example files shipped inside the jar (the project's {@code schedules/},
 * {@code restore-drills/}, {@code schema/}, {@code policy/} and {@code deploy/catalogue.yaml}).
 */
final class Shipped {
  private static final String ROOT = "/org/kho/shipped/";

  private Shipped() {}

  /** The file names in a shipped folder, sorted. */
  static List<String> list(String folder) {
    URL url = Shipped.class.getResource(ROOT + folder);
    if (url == null) {
      return List.of();
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return names(jar.provider().getPath(uri));
        }
      }
      return names(Path.of(uri));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the shipped " + folder, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] read(String name) {
    return CatalogueLoader.shipped(name);
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
