package org.kho.backup;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to back up.
 *
 * @param paths absolute source paths
 * @param excludes glob patterns: without a '/', matched against names; with one, against the path
 *     relative to its source
 * @param includes if not empty, only files matching one of these (same rules) are taken
 * @param item the catalogue item, or null for an ad hoc backup
 * @param parent a snapshot to compare against instead of the latest one of the same paths
 * @param readAll read every file even if the parent says it is unchanged
 * @param allowSameDevice why the target may share a filesystem with a source, if it may
 */
public record BackupRequest(List<Path> paths, List<String> excludes, List<String> includes, String item,
    List<String> tags, Optional<String> parent, boolean readAll,
    Optional<String> allowSameDevice) {

  public BackupRequest {
    paths = paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    excludes = List.copyOf(excludes);
    includes = List.copyOf(includes);
    tags = List.copyOf(tags);
  }
}
