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
 * them; then the commit of the snapshot. Closing it stops the workers.
 */
final class Session implements AutoCloseable {
  final BlobWriter writer;
  final Archiver archiver;
  private final Repository repo;
  private final ExecutorService workers;

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
    this.archiver = new Archiver(repo, writer, workers, progress, clock);
  }

  /** Builds the root tree with {@code build} and stores everything; on failure nothing is indexed. */
  String store(Supplier<String> build) {
    try {
      String tree = build.get();
      writer.flush();
      return tree;
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

  /** Commits the snapshot of root tree {@code tree} (the commit point), signed if the repository signs. */
  BackupResult commit(String tree, Instant started, Clock clock, List<String> paths, String item, List<String> tags,
      String parent, String program) {
    BlobWriter.Stats stats = writer.stats();
    Snapshot.Summary summary = new Snapshot.Summary(archiver.files.sum(), archiver.dirs.sum(), archiver.bytes.sum(),
        archiver.newFiles.sum(), archiver.changedFiles.sum(), archiver.unchangedFiles.sum(), stats.blobsAdded(),
        stats.bytesAdded(), stats.bytesStored(), Duration.between(started, clock.instant()).toMillis() / 1000.0);
    Snapshot snapshot = new Snapshot(1, started, repo.host().name(), repo.host().user(), paths, item, tags, tree,
        parent, summary, archiver.problems(), program, repo.signerFingerprint().orElse(null), null);
    SnapshotRef saved = repo.saveSnapshot(snapshot);
    return new BackupResult(saved, parent, repo.signerFingerprint().isPresent());
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
