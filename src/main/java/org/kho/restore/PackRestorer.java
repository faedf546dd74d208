package org.kho.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.kho.repository.BlobId;
import org.kho.repository.BlobReads;
import org.kho.repository.BlobType;
import org.kho.repository.Repository;
import org.kho.repository.RepositoryException;

/**
 * Writes the contents of many files pack by pack, as restic does: each pack (or each run of
 * wanted blobs in it) is read once, and every blob in it is written to every place of every file
 * that holds it. Files are therefore written out of order, at offsets; a file is closed and
 * {@link Done#written finished} when its last blob is in. A file with a blob that is damaged or
 * unknown is never finished: it is removed and reported.
 */
final class PackRestorer {
  /** What happens to each file when its content is complete, or when it cannot be. */
  interface Done {
    /** All of the file's content is written and the file is closed: metadata, verification. */
    void written(Selection.Entry file);

    /** The file cannot be restored; it has been removed. */
    void failed(Selection.Entry file, String why);
  }

  /** One place a blob goes: a file, at an offset. */
  private record Place(OpenFiles.Target file, long offset) {}

  /**
   * Chunks of files planned and read at a time: the plan takes some 200 bytes a chunk, so a restore
   * of millions of chunks is read in batches of files (a pack that two batches need is read by
   * both), never planned whole.
   */
  static final int BATCH = 100_000;

  private final Repository repo;
  private final RestoreProgress progress;
  private final int batch;

  PackRestorer(Repository repo, RestoreProgress progress) {
    this(repo, progress, BATCH);
  }

  /** A restorer that plans {@code batch} chunks at a time. */
  PackRestorer(Repository repo, RestoreProgress progress, int batch) {
    this.repo = repo;
    this.progress = progress;
    this.batch = batch;
  }

  void restore(List<Selection.Entry> files, Done done) throws InterruptedException {
    OpenFiles open = new OpenFiles(done);
    ExecutorService pool = Executors.newFixedThreadPool(repo.parallelReads(), r -> {
      Thread t = new Thread(r, "kho-restore");
      t.setDaemon(true);
      return t;
    });
    try {
      Map<BlobId, List<Place>> places = new LinkedHashMap<>();
      int planned = 0;
      for (Selection.Entry f : files) {
        planned += place(open, f, places, done);
        if (planned >= batch) {
          read(pool, open, places);
          places = new LinkedHashMap<>();
          planned = 0;
        }
      }
      read(pool, open, places);
    } finally {
      pool.shutdownNow();
      open.closeAll();
    }
  }

  /** Reads the blobs of {@code places} pack by pack and writes each to its places. */
  private void read(ExecutorService pool, OpenFiles open, Map<BlobId, List<Place>> places) throws InterruptedException {
    BlobReads.Plan plan = repo.planReads(BlobType.DATA, places.keySet());
    plan.unknown().forEach((id, why) -> damaged(open, places.get(id), why));
    Receiver receiver = new Receiver(open, places);
    run(pool, plan.spans(), span -> repo.read(span, receiver));
  }

  /** Notes where each chunk of {@code f} goes (returns how many it has); an empty file is written at once. */
  private int place(OpenFiles open, Selection.Entry f, Map<BlobId, List<Place>> places, Done done) {
    List<String> content = f.node().content();
    if (content.isEmpty()) {
      try {
        Files.createFile(f.destination());
        done.written(f);
      } catch (IOException e) {
        done.failed(f, "could not be written: " + e);
      }
      return 0;
    }
    BlobId[] ids = new BlobId[content.size()];
    long[] offsets = new long[ids.length];
    long size = 0;
    for (int i = 0; i < ids.length; i++) {
      ids[i] = BlobId.parse(content.get(i));
      offsets[i] = size;
      size += Math.max(0, repo.rawLength(ids[i]));
    }
    OpenFiles.Target target = open.target(f, ids.length, size);
    for (int i = 0; i < ids.length; i++) {
      places.computeIfAbsent(ids[i], k -> new ArrayList<>(1)).add(new Place(target, offsets[i]));
    }
    return ids.length;
  }

  private static void damaged(OpenFiles open, List<Place> places, RepositoryException.Damaged why) {
    for (Place p : places) {
      open.fail(p.file(), "not restored: " + why.getMessage());
    }
  }

  /** Writes each verified blob to its places. */
  private final class Receiver implements BlobReads.Receiver {
    private final OpenFiles open;
    private final Map<BlobId, List<Place>> places;

    Receiver(OpenFiles open, Map<BlobId, List<Place>> places) {
      this.open = open;
      this.places = places;
    }

    @Override
    public void blob(BlobId id, byte[] buf, int off, int length) {
      for (Place p : places.get(id)) {
        open.write(p.file(), p.offset(), buf, off, length);
        progress.advanced(length);
      }
    }

    @Override
    public void damaged(BlobId id, RepositoryException.Damaged why) {
      PackRestorer.damaged(open, places.get(id), why);
    }
  }

  private interface SpanRead {
    void run(BlobReads.Span span) throws IOException;
  }

  /** Reads the spans on the pool's threads ({@link Repository#parallelReads}); a storage failure stops the restore. */
  private static void run(ExecutorService pool, List<BlobReads.Span> spans, SpanRead read) throws InterruptedException {
    List<Future<?>> futures = new ArrayList<>();
    for (BlobReads.Span span : spans) {
      futures.add(pool.submit(() -> {
        read.run(span);
        return null;
      }));
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException ex) {
        throw ex.getCause() instanceof RuntimeException r ? r : new IllegalStateException(ex.getCause());
      }
    }
  }
}
