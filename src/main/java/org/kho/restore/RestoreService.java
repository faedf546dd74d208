package org.kho.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.kho.core.IoReasons;
import org.kho.core.KhoException;
import org.kho.core.UsageException;
import org.kho.repository.BlobId;
import org.kho.repository.Node;
import org.kho.repository.Repository;
import org.kho.repository.RepositoryLock;
import org.kho.repository.SnapshotRef;

/**
 * Restores a snapshot into an empty folder: folders first, then the files' contents pack by pack on
 * several threads (see {@link PackRestorer}), each file's metadata once its content is in, then
 * hard links, symbolic links and special files, then folder metadata deepest first (so writing
 * into a folder does not disturb its restored time). A file whose data is damaged is removed and
 * reported, as is a folder whose tree is damaged (with everything in it); the rest still restores.
 */
public final class RestoreService {
  private final Repository repo;

  public RestoreService(Repository repo) {
    this.repo = repo;
  }

  public RestoreResult run(RestoreRequest request, RestoreProgress progress) {
    checkTarget(request.target());
    try (RepositoryLock lock = repo.lock(false)) {
      if (!repo.loadIndex().isEmpty()) {
        repo.indexOrphanPacks(false); // a damaged index object: read the packs' own headers instead
      }
      SnapshotRef snap = repo.snapshot(request.snapshot());
      Selection sel = new Selection(repo, request.includes(), request.only());
      sel.collect(BlobId.parse(snap.snapshot().tree()), request.target());
      if (!request.includes().isEmpty() && sel.files.isEmpty() && sel.dirs.isEmpty() && sel.others.isEmpty()
          && sel.unreadable.isEmpty()) {
        throw new UsageException("nothing in snapshot " + snap.shortId() + " matches " + request.includes(),
            "'kho ls " + snap.shortId() + "' lists its paths");
      }
      progress.total(sel.files.size(), sel.bytes());
      return write(snap, sel, request, progress);
    } catch (IOException e) {
      throw new KhoException("the restore into " + request.target() + " failed: " + IoReasons.of(e, request.target().toString()),
          "check the target's space and permissions", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KhoException("the restore was interrupted", "run it again into an empty folder", e);
    }
  }

  private RestoreResult write(SnapshotRef snap, Selection sel, RestoreRequest request, RestoreProgress progress)
      throws IOException, InterruptedException {
    List<RestoreResult.Failure> failures = Collections.synchronizedList(new ArrayList<>(sel.unreadable));
    Files.createDirectories(request.target());
    for (Selection.Entry d : sel.dirs) {
      Files.createDirectories(d.destination());
    }
    FileRestorer restorer = new FileRestorer(repo);
    Map<String, Path> firstLink = new HashMap<>();
    List<Selection.Entry> links = new ArrayList<>();
    List<Selection.Entry> contents = new ArrayList<>();
    for (Selection.Entry f : sel.files) {
      Node n = f.node();
      if (n.links() > 1 && firstLink.putIfAbsent(n.device() + ":" + n.inode(), f.destination()) != null) {
        links.add(f);
      } else {
        contents.add(f);
      }
    }
    LongAdder verified = new LongAdder();
    new PackRestorer(repo, progress).restore(contents, new PackRestorer.Done() {
      @Override
      public void written(Selection.Entry f) {
        finishFile(restorer, f, request.verify(), verified, failures);
      }

      @Override
      public void failed(Selection.Entry f, String why) {
        failures.add(new RestoreResult.Failure(f.snapshotPath(), why));
      }
    });
    for (Selection.Entry l : links) {
      Path first = firstLink.get(l.node().device() + ":" + l.node().inode());
      attempt(failures, l, () -> Files.createLink(l.destination(), first));
    }
    for (Selection.Entry o : sel.others) {
      attempt(failures, o, () -> special(o));
    }
    for (Selection.Entry d : sel.dirs.reversed()) {
      attempt(failures, d, () -> Metadata.apply(d.destination(), d.node()));
    }
    return new RestoreResult(snap, sel.files.size(), sel.dirs.size(), sel.bytes(), verified.sum(), List.copyOf(failures));
  }

  /** Puts back the metadata of a file whose content is written, and reads it back with {@code verify}. */
  private void finishFile(FileRestorer restorer, Selection.Entry f, boolean verify, LongAdder verified,
      List<RestoreResult.Failure> failures) {
    try {
      Metadata.apply(f.destination(), f.node());
      if (verify) {
        if (restorer.verify(f.destination(), f.node())) {
          verified.increment();
        } else {
          failures.add(new RestoreResult.Failure(f.snapshotPath(), "read back differently from the snapshot"));
        }
      }
    } catch (IOException e) {
      deleteQuietly(f.destination());
      failures.add(new RestoreResult.Failure(f.snapshotPath(), "could not be written: " + e));
    }
  }

  private void special(Selection.Entry o) throws IOException {
    Node n = o.node();
    if (n.type() == Node.Type.SYMLINK) {
      if (n.linkTarget() == null) {
        throw new IOException("the snapshot holds no target for this symbolic link");
      }
      Files.createSymbolicLink(o.destination(), Path.of(n.linkTarget()));
      Metadata.apply(o.destination(), n);
    } else if (n.type() == Node.Type.FIFO) {
      Process p = new ProcessBuilder("mkfifo", o.destination().toString()).inheritIO().start();
      try {
        if (p.waitFor() != 0) {
          throw new IOException("mkfifo failed");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      }
      Metadata.apply(o.destination(), n);
    } else {
      throw new IOException("device and socket files are not restored");
    }
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static void attempt(List<RestoreResult.Failure> failures, Selection.Entry e, IoAction action) {
    try {
      action.run();
    } catch (IOException ex) {
      failures.add(new RestoreResult.Failure(e.snapshotPath(), "could not be restored: " + ex));
    }
  }

  private static void checkTarget(Path target) {
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new UsageException("the restore target " + target + " is not a folder", "give an empty or new folder");
    }
    try (Stream<Path> entries = Files.list(target)) {
      if (entries.findAny().isPresent()) {
        throw new UsageException("the restore target " + target + " is not empty",
            "restore never overwrites: give an empty or new folder");
      }
    } catch (IOException e) {
      throw new UsageException("the restore target " + target + " cannot be read: " + e.getMessage(), "check its permissions");
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // reported with the failure already
    }
  }
}
