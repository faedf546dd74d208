package org.kho.backup;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to back up.
 *
 * @param sources the folders and files to take, each with its own filters
 * @param item the catalogue item, or null for an ad hoc backup
 * @param parent a snapshot to compare against instead of the latest one of the same paths
 * @param readAll read every file even if the parent says it is unchanged
 * @param allowSameDevice why the target may share a filesystem with a source, if it may
 */
public record BackupRequest(List<Source> sources, String item,
    List<String> tags, Optional<String> parent, boolean readAll,
    Optional<String> allowSameDevice) {

  public BackupRequest {
    sources = List.copyOf(sources);
    tags = List.copyOf(tags);
  }

  /**
   * One source path.
   *
   * @param excludes glob patterns: without a '/', matched against names; with one, against the
   *     path relative to the source
   * @param includes if not empty, only files matching one of these (same rules) are taken
   */
  public record Source(Path path, List<String> excludes, List<String> includes) {
    public Source {
      path = path.toAbsolutePath().normalize();
      excludes = List.copyOf(excludes);
      includes = List.copyOf(includes);
    }
  }

  /** The absolute source paths. */
  public List<Path> paths() {
    return sources.stream().map(Source::path).toList();
  }
}
