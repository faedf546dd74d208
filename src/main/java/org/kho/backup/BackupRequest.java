package org.kho.backup;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What to back up.
 *
 * @param sources the folders and files to take, each with its own filters
 * @param item the catalogue item, or null for an ad hoc backup
 * @param parent a snapshot to compare against instead of the latest one of the same paths
 * @param readAll read every file even if the parent says it is unchanged
 * @param allowSameDevice why the target may share a filesystem with a source, if it may
 * @param streams data that is not on disk (a command's output), each stored as one file at the
 *     top of the snapshot
 */
public record BackupRequest(List<Source> sources, String item,
    List<String> tags, Optional<String> parent, boolean readAll,
    Optional<String> allowSameDevice, List<DataStream> streams) {

  public BackupRequest {
    sources = List.copyOf(sources);
    tags = List.copyOf(tags);
    streams = List.copyOf(streams);
  }

  /** A request for files only. */
  public BackupRequest(List<Source> sources, String item, List<String> tags, Optional<String> parent,
      boolean readAll, Optional<String> allowSameDevice) {
    this(sources, item, tags, parent, readAll, allowSameDevice, List.of());
  }

  /**
   * Data read once from a stream, such as a database dump streamed from {@code pg_dump}: stored as
   * the file {@code /NAME} of the snapshot, with no temporary copy on disk.
   *
   * <p>Contract for {@code open}: it starts the producer and returns its output. A producer that
   * fails must make a read throw (an {@link java.io.IOException} or a
   * {@link org.kho.core.KhoException}) instead of ending the stream: the backup then fails and
   * commits no snapshot, so a broken dump is never stored as good. Closing the stream before its
   * end tells the producer its output is no longer wanted.
   *
   * @param name the file name in the snapshot: no '/', not "." or ".."
   */
  public record DataStream(String name, Supplier<InputStream> open) {
    public DataStream {
      if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
        throw new IllegalArgumentException("'" + name + "' is not a file name");
      }
    }
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

  /** The absolute source paths (of files on disk). */
  public List<Path> paths() {
    return sources.stream().map(Source::path).toList();
  }

  /** What the snapshot records as its paths: the source paths, then {@code /NAME} of each stream. */
  public List<String> snapshotPaths() {
    return Stream.concat(paths().stream().map(Path::toString), streams.stream().map(s -> "/" + s.name())).toList();
  }
}
