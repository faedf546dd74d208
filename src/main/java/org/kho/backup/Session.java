package org.kho.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.kho.repository.BlobWriter;
import org.kho.repository.Repository;
import org.kho.repository.Snapshot;
import org.kho.repository.SnapshotRef;

/**
 * The machinery of one backup run: a pool of workers, a blob writer and the archiver that feeds
 * them; then the commit of the snapshot. Closing it stops the workers. A session may store several
 * snapshots one after another ({@link #tree}, then one {@link #flush}): each commits what happened
 * between two {@link Mark}s.
 */
final class Session implements AutoCloseable {
  final BlobWriter writer;
  final Archiver archiver;
  private final Repository repo;
  private final ExecutorService workers;
  private final ReadAhead readAhead;

  Session(Repository repo, BackupProgress progress, Clock clock) {
    this.repo = repo;
    // two files per core: while one waits for the disk, the other keeps the core busy
    int threads = Math.clamp(2L * Runtime.getRuntime().availableProcessors(), 4, 8);
    this.workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "kho-backup-worker");
      t.setDaemon(true);
      return t;
    });
    this.writer = repo.writer();
    this.readAhead = ReadAhead.start();
    this.archiver = new Archiver(repo, writer, workers, readAhead, progress, clock);
  }

  /** Builds the root tree with {@code build} and stores everything; on failure nothing is indexed. */
  String store(Supplier<String> build) {
    return guarded(() -> {
      String tree = build.get();
      writer.flush();
      return tree;
    });
  }

  /** Builds a root tree with {@code build}, its data sealed but not yet all stored: {@link #flush} does that. */
  String tree(Supplier<String> build) {
    return guarded(build);
  }

  /** Stores everything the trees built so far need; after this the session stores nothing more. */
  void flush() {
    guarded(() -> {
      writer.flush();
      return null;
    });
  }

  /** Runs {@code work}; on failure stops uploading, so nothing is indexed, and throws the cause. */
  private <T> T guarded(Supplier<T> work) {
    try {
      return work.get();
    } catch (CompletionException e) {
      writer.abandon();
      switch (e.getCause()) {
        case RuntimeException r -> throw r;
        case Error err -> throw err; // out of memory, above all: Main says what to do
        case null, default -> throw e;
      }
    } catch (RuntimeException e) {
      writer.abandon();
      throw e;
    }
  }

  /**
   * Where the session stands: the archiver's counts, its problems and the writer's figures at a
   * moment. What happens between two marks is one snapshot's share.
   */
  record Mark(Instant at, long files, long dirs, long bytes, long newFiles, long changedFiles, long unchangedFiles,
      int problems, BlobWriter.Stats stats) {
    /** The mark of a session that has done nothing yet, started at {@code at}. */
    static Mark start(Instant at) {
      return new Mark(at, 0, 0, 0, 0, 0, 0, 0, new BlobWriter.Stats(0, 0, 0));
    }
  }

  /** The session as it stands now. */
  Mark mark(Clock clock) {
    return new Mark(clock.instant(), archiver.files.sum(), archiver.dirs.sum(), archiver.bytes.sum(),
        archiver.newFiles.sum(), archiver.changedFiles.sum(), archiver.unchangedFiles.sum(), archiver.problems().size(),
        writer.stats());
  }

  /** Commits the snapshot of root tree {@code tree} (the commit point), signed if the repository signs. */
  BackupResult commit(String tree, Instant started, Clock clock, List<String> paths, String item, List<String> tags,
      String parent, String program) {
    return commit(tree, Mark.start(started), mark(clock), paths, item, tags, parent, program);
  }

  /** Commits the snapshot of root tree {@code tree}, built between marks {@code from} and {@code to}. */
  BackupResult commit(String tree, Mark from, Mark to, List<String> paths, String item, List<String> tags,
      String parent, String program) {
    BlobWriter.Stats a = from.stats();
    BlobWriter.Stats b = to.stats();
    Snapshot.Summary summary = new Snapshot.Summary(to.files() - from.files(), to.dirs() - from.dirs(),
        to.bytes() - from.bytes(), to.newFiles() - from.newFiles(), to.changedFiles() - from.changedFiles(),
        to.unchangedFiles() - from.unchangedFiles(), b.blobsAdded() - a.blobsAdded(), b.bytesAdded() - a.bytesAdded(),
        b.bytesStored() - a.bytesStored(), Duration.between(from.at(), to.at()).toMillis() / 1000.0);
    List<Snapshot.Problem> problems = archiver.problems().subList(from.problems(), to.problems());
    Snapshot snapshot = new Snapshot(1, from.at(), repo.host().name(), repo.host().user(), paths, item, tags, tree,
        parent, summary, List.copyOf(problems), program, repo.signerFingerprint().orElse(null), null);
    SnapshotRef saved = repo.saveSnapshot(snapshot);
    return new BackupResult(saved, parent, repo.signerFingerprint().isPresent());
  }

  @Override
  public void close() {
    workers.shutdownNow();
    readAhead.close();
  }
}
