package org.kho.logarchive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kho.catalogue.LogSource;
import org.kho.repository.Repository;

/**
 * Which original log files may go: those of a source that allows it ({@code deleteOriginals}),
 * whose every month is closed, archived in every target and read back intact there, and which
 * have not changed since (same size and modification time as the manifests record). Nothing is
 * deleted when any target failed, nor without {@code apply}: then the files are only listed.
 */
final class Originals {
  private final LogSource source;
  private final Collection logs;
  private final YearMonth open;
  private final Map<Path, Integer> verifiedTargets = new HashMap<>();

  Originals(LogSource source, Collection logs, YearMonth open) {
    this.source = source;
    this.logs = logs;
    this.open = open;
  }

  /**
   * What happened to the originals.
   *
   * @param allowed whether the source allows deleting them
   * @param deleted files deleted
   * @param deletable files that would be deleted with --apply
   * @param notes why nothing was deleted, or what failed
   */
  public record Outcome(boolean allowed, List<Path> deleted, List<Path> deletable, List<String> notes) {
    public Outcome {
      deleted = List.copyOf(deleted);
      deletable = List.copyOf(deletable);
      notes = List.copyOf(notes);
    }
  }

  /** Reads back, in {@code repo}, every month of the files that could go, and counts the files that pass. */
  void verifiedIn(Repository repo, Chain chain) {
    if (!source.deleteOriginals()) {
      return;
    }
    repo.loadIndex();
    ReadBack readBack = new ReadBack(repo);
    Map<YearMonth, Boolean> intact = new HashMap<>();
    for (LogFile f : logs.files()) {
      boolean ok = f.months().stream().allMatch(m -> m.isBefore(open) && chain.archived(m)
          && recorded(chain.of(m).get().manifest(), f)
          && intact.computeIfAbsent(m, x -> readBack.check(chain.of(x).get().manifest()).isEmpty()));
      if (ok) {
        verifiedTargets.merge(f.path(), 1, Integer::sum);
      }
    }
  }

  /** Whether {@code m} lists {@code f} as it is now: same path, size and modification time. */
  private static boolean recorded(Manifest m, LogFile f) {
    return m.entries().stream().anyMatch(e -> e.name().equals(f.path().toString()) && e.originalSize() == f.size()
        && e.mtime().equals(f.mtime().toString()));
  }

  /** Deletes (with {@code apply}) or lists the files verified in all {@code targets}, unless a target failed. */
  Outcome settle(boolean allTargetsGood, int targets, boolean apply) {
    if (!source.deleteOriginals()) {
      return new Outcome(false, List.of(), List.of(), List.of());
    }
    if (!allTargetsGood || targets == 0) {
      return new Outcome(true, List.of(), List.of(), List.of("originals kept: not every target has the months archived"));
    }
    List<Path> ready = logs.files().stream().map(LogFile::path)
        .filter(p -> verifiedTargets.getOrDefault(p, 0) == targets).toList();
    if (!apply) {
      return new Outcome(true, List.of(), ready, List.of());
    }
    List<Path> deleted = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Path p : ready) {
      delete(p).ifPresentOrElse(notes::add, () -> deleted.add(p));
    }
    return new Outcome(true, deleted, List.of(), notes);
  }

  private static Optional<String> delete(Path p) {
    try {
      Files.deleteIfExists(p);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(p + " could not be deleted: " + e.getMessage());
    }
  }
}
