package org.kho.restore;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.kho.core.KhoException;
import org.kho.core.UsageException;
import org.kho.repository.BlobId;
import org.kho.repository.BlobType;
import org.kho.repository.Node;
import org.kho.repository.Repository;
import org.kho.repository.RepositoryLock;
import org.kho.repository.SnapshotRef;

/**
 * Streams one stored file of a snapshot, chunk by chunk, to an output (the stdin of a command such
 * as {@code pg_restore}). Every chunk is verified as it is read; a damaged one stops the stream with
 * {@link org.kho.repository.RepositoryException.Damaged}, after the chunks before it were written,
 * so the caller must treat the output as incomplete and stop its consumer.
 */
public final class FileStreamer {
  private final Repository repo;

  public FileStreamer(Repository repo) {
    this.repo = repo;
  }

  /** Writes file {@code path} (as backed up, e.g. {@code /hr.dump}) of {@code snapshot} to {@code out}. */
  public RestoreResult stream(String snapshot, String path, OutputStream out, RestoreProgress progress) {
    String wanted = RestoreRequest.normalise(path);
    try (RepositoryLock lock = repo.lock(false)) {
      if (!repo.loadIndex().isEmpty()) {
        repo.indexOrphanPacks(false);
      }
      SnapshotRef snap = repo.snapshot(snapshot);
      Selection sel = new Selection(repo, List.of(wanted), any -> true);
      sel.collect(BlobId.parse(snap.snapshot().tree()), java.nio.file.Path.of("/"));
      Node file = only(sel, wanted, snap);
      progress.total(1, file.size());
      for (String id : file.content()) {
        progress.advanced(repo.readBlob(BlobType.DATA, BlobId.parse(id), out::write));
      }
      out.flush();
      return new RestoreResult(snap, 1, 0, file.size(), 1, List.of());
    } catch (IOException e) {
      throw new KhoException("could not write " + wanted + " to its consumer: " + e.getMessage(),
          "the consumer stopped reading; see its own message", e);
    }
  }

  private static Node only(Selection sel, String wanted, SnapshotRef snap) {
    if (!sel.unreadable.isEmpty()) {
      throw new org.kho.repository.RepositoryException.Damaged(sel.unreadable.getFirst().path() + ": "
          + sel.unreadable.getFirst().what(), null);
    }
    List<Selection.Entry> hits = sel.files.stream().filter(e -> e.snapshotPath().equals(wanted)).toList();
    if (hits.size() != 1) {
      throw new UsageException(wanted + " is not a file of snapshot " + snap.shortId()
          + (sel.files.isEmpty() ? "" : " (it holds " + sel.files.size() + " files under it)"),
          "streaming to a command takes exactly one file: name it with --include; 'kho ls " + snap.shortId()
              + "' lists the paths");
    }
    return hits.getFirst().node();
  }
}
