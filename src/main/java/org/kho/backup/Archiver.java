package org.kho.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.kho.core.IoReasons;
import org.kho.repository.BlobId;
import org.kho.repository.BlobType;
import org.kho.repository.BlobWriter;
import org.kho.repository.Chunker;
import org.kho.repository.Node;
import org.kho.repository.Repository;
import org.kho.repository.RepositoryException;
import org.kho.repository.Snapshot;
import org.kho.repository.Tree;

/**
 * Turns folders into trees. The calling thread walks the folders and compares metadata with the
 * parent snapshot; each file to read goes to the worker pool, where one worker reads it in large
 * blocks, cuts it into chunks and hashes, dedups, compresses and encrypts each chunk into the
 * open pack, all without copying the chunk. Several files are read at once, and {@link ReadAhead}
 * asks the kernel for the files queued behind them, which is what keeps a cold disk busy and both
 * cores working. A folder's tree is stored once all its entries are
 * done, on a worker, so the walk waits for the workers only when {@value #QUEUED_FILES} files
 * wait to be read.
 */
final class Archiver {
  /** Files handed to the workers and not yet read: bounds how far the walk runs ahead. */
  private static final int QUEUED_FILES = 256;
  private final Repository repo;
  private final BlobWriter writer;
  private final Chunker chunker;
  private final ExecutorService workers;
  private final ReadAhead readAhead;
  private final BackupProgress progress;
  private final Semaphore queued = new Semaphore(QUEUED_FILES);
  private final List<Snapshot.Problem> problems = new ArrayList<>();
  final LongAdder files = new LongAdder();
  final LongAdder dirs = new LongAdder();
  final LongAdder bytes = new LongAdder();
  final LongAdder newFiles = new LongAdder();
  final LongAdder changedFiles = new LongAdder();
  final LongAdder unchangedFiles = new LongAdder();

  private final java.time.Clock clock;

  Archiver(Repository repo, BlobWriter writer, ExecutorService workers, ReadAhead readAhead, BackupProgress progress,
      java.time.Clock clock) {
    this.readAhead = readAhead;
    this.repo = repo;
    this.clock = clock;
    this.writer = writer;
    this.chunker = repo.chunker();
    this.workers = workers;
    this.progress = progress;
  }

  List<Snapshot.Problem> problems() {
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }

  /** The node of folder {@code dir} (its tree stored), compared against {@code old}. */
  CompletableFuture<Node> folder(Path dir, Stat stat, String name, Node old, Path root, PathFilter filter) {
    dirs.increment();
    Tree oldTree = old == null || old.type() != Node.Type.DIR ? null : tree(old.subtree());
    List<CompletableFuture<Node>> children = new ArrayList<>();
    for (Path child : list(dir)) {
      String childName = child.getFileName().toString();
      if (filter.excluded(root, child)) {
        continue;
      }
      Stat s = stat(child);
      if (s == null) {
        continue;
      }
      Node was = oldTree == null ? null : oldTree.find(childName);
      CompletableFuture<Node> node = switch (s.type()) {
        case DIR -> folder(child, s, childName, was, root, filter);
        case FILE -> filter.selectedFile(root, child) ? file(child, s, childName, was) : null;
        case SYMLINK -> symlink(child, s, childName);
        default -> CompletableFuture.completedFuture(s.node(childName));
      };
      if (node != null) {
        children.add(node);
      }
    }
    return CompletableFuture.allOf(children.toArray(CompletableFuture[]::new)).thenApplyAsync(v -> {
      List<Node> nodes = children.stream().map(CompletableFuture::join).filter(n -> n != null).toList();
      return stat.node(name).withSubtree(store(new Tree(nodes), old, oldTree));
    }, workers);
  }

  /**
   * The id of folder {@code tree}: that of the parent snapshot's folder when no entry changed (the
   * same nodes serialise to the same blob, so it is not serialised and hashed again) and the
   * repository may still reuse that blob; else the id of the tree stored now.
   */
  private String store(Tree tree, Node old, Tree oldTree) {
    if (oldTree != null && tree.nodes().equals(oldTree.nodes()) && writer.has(BlobId.parse(old.subtree()))) {
      return old.subtree();
    }
    return repo.saveTree(tree, writer).hex();
  }

  /** The node of a folder on the way to a source (its metadata, and {@code inner} as its one entry). */
  CompletableFuture<Node> wrap(Stat stat, String name, List<CompletableFuture<Node>> inner) {
    return CompletableFuture.allOf(inner.toArray(CompletableFuture[]::new)).thenApplyAsync(v -> {
      List<Node> nodes = inner.stream().map(CompletableFuture::join).filter(n -> n != null).toList();
      return stat.node(name).withSubtree(repo.saveTree(new Tree(nodes), writer).hex());
    }, workers);
  }

  CompletableFuture<Node> file(Path file, Stat stat, String name, Node old) {
    files.increment();
    bytes.add(stat.size());
    Node node = stat.node(name);
    if (stat.sameAs(old) && stored(old.content())) {
      unchangedFiles.increment();
      progress.advanced(stat.size());
      progress.fileDone();
      return CompletableFuture.completedFuture(node.withContent(old.content()));
    }
    (old == null ? newFiles : changedFiles).increment();
    return onWorker(file, readAhead.ahead(file, stat.size()), () -> {
      List<String> chunks = new ArrayList<>();
      try (InputStream in = Files.newInputStream(file)) {
        store(in, chunks);
      }
      Stat after = stat(file);
      if (after == null || after.changedSince(stat)) {
        problem(file, "changed while it was being read; the stored copy may mix old and new content");
      }
      return done(node, chunks);
    });
  }

  /** Whether the repository has every chunk of {@code content} (and may reuse it: not in a condemned pack). */
  private boolean stored(List<String> content) {
    for (String id : content) {
      if (!writer.has(BlobId.parse(id))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The node of bytes {@code [offset, offset + length)} of {@code file}, stored as a file of that
   * size named {@code name}; every byte read also goes to {@code digest}. A file that grows while
   * it is read (a log being written) is fine; one shorter than the range is a problem.
   */
  CompletableFuture<Node> part(Path file, Stat stat, String name, long offset, long length, MessageDigest digest) {
    files.increment();
    bytes.add(length);
    newFiles.increment();
    return onWorker(file, null, () -> {
      try (FileChannel channel = FileChannel.open(file);
          Range in = new Range(Channels.newInputStream(channel.position(offset)), length, digest)) {
        List<String> chunks = new ArrayList<>();
        store(in, chunks);
        if (in.remaining() > 0) {
          problem(file, "ended " + in.remaining() + " bytes before the expected " + (offset + length)
              + " while it was read (truncated or rotated meanwhile)");
        }
        return done(stat.withSize(length).node(name), chunks);
      }
    });
  }

  /** How a file is read and stored into a node, on a worker; may fail as reading files does. */
  private interface Read {
    Node run() throws IOException;
  }

  /**
   * Runs {@code read} on a worker, once fewer than {@value #QUEUED_FILES} files wait for one; a
   * file that vanishes or cannot be read is left out and noted as a problem. {@code ahead} (or
   * null) is the file's read-ahead, told when the worker is done with the file.
   */
  private CompletableFuture<Node> onWorker(Path file, ReadAhead.File ahead, Read read) {
    try {
      queued.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("backup interrupted", e);
    }
    return CompletableFuture.supplyAsync(() -> {
      try {
        return read.run();
      } catch (NoSuchFileException e) {
        return skippedNow(file, "vanished before it could be read");
      } catch (AccessDeniedException e) {
        return skippedNow(file, "could not be read: permission denied");
      } catch (IOException e) {
        return skippedNow(file, "could not be read: " + e.getMessage());
      } finally {
        if (ahead != null) {
          ahead.read();
        }
        queued.release();
      }
    }, workers);
  }

  /** {@code node} with its content, its file counted done. */
  private Node done(Node node, List<String> chunks) {
    progress.fileDone();
    return node.withContent(chunks);
  }

  /** Cuts {@code in} into chunks and stores them on this thread, their ids into {@code ids}; returns the bytes read. */
  private long store(InputStream in, List<String> ids) throws IOException {
    long[] read = new long[1];
    chunker.split(in, (buf, off, len) -> {
      ids.add(writer.save(BlobType.DATA, buf, off, len).hex());
      read[0] += len;
      progress.advanced(len);
    });
    return read[0];
  }

  /**
   * The node of a stream stored as file {@code /NAME}: read to its end, or the backup fails. A
   * producer's failure (thrown by a read, see {@link BackupRequest.DataStream}) passes through.
   * The stream is read and stored on the calling thread.
   */
  CompletableFuture<Node> stream(BackupRequest.DataStream source, Node old) {
    files.increment();
    (old == null ? newFiles : changedFiles).increment();
    List<String> chunks = new ArrayList<>();
    long size;
    try (InputStream in = source.open().get()) {
      size = store(in, chunks);
    } catch (IOException e) {
      throw new org.kho.core.KhoException("the source '" + source.name() + "' could not be read: " + e.getMessage(),
          "nothing was stored for it; find out why its producer failed and run the backup again", e);
    }
    bytes.add(size);
    java.time.Instant done = clock.instant();
    Stat self = Stat.process();
    Node node = new Node(source.name(), Node.Type.FILE, 0600, self.uid(), self.gid(), self.user(), self.group(), done,
        done, 0, 0, 1, size, null, null, null);
    return CompletableFuture.completedFuture(done(node, chunks));
  }

  CompletableFuture<Node> symlink(Path link, Stat stat, String name) {
    try {
      String target = Files.readSymbolicLink(link).toString();
      Node n = stat.node(name);
      return CompletableFuture.completedFuture(new Node(n.name(), n.type(), n.mode(), n.uid(), n.gid(), n.user(),
          n.group(), n.mtime(), n.ctime(), n.inode(), n.device(), n.links(), 0, null, null, target));
    } catch (IOException e) {
      return skipped(link, "symbolic link could not be read: " + e.getMessage());
    }
  }

  /** The stored tree {@code id} of an earlier snapshot, or null if there is none or it cannot be read. */
  Tree tree(String id) {
    if (id == null) {
      return null;
    }
    try {
      return repo.readTree(BlobId.parse(id));
    } catch (RepositoryException.Damaged e) {
      return null; // the parent's tree is unreadable: read everything under this folder again
    }
  }

  private List<Path> list(Path dir) {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      entries.forEach(out::add);
    } catch (IOException e) {
      problem(dir, "folder could not be listed: " + IoReasons.of(e));
    }
    out.sort(null);
    return out;
  }

  /** The file's metadata, or null (and a problem noted) if it vanished or cannot be read. */
  Stat stat(Path p) {
    return stat(p, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * The metadata of what {@code p} leads to, following symbolic links, or null (and a problem
   * noted): for the folders on the way to a source, which are stored as folders even when the
   * path reaches its source through a link (the source is under them, not beside a link).
   */
  Stat statFollowing(Path p) {
    return stat(p, new LinkOption[0]);
  }

  private Stat stat(Path p, LinkOption... options) {
    try {
      return Stat.of(p, options);
    } catch (NoSuchFileException e) {
      problem(p, "vanished during the backup");
    } catch (IOException e) {
      problem(p, "metadata could not be read: " + IoReasons.of(e));
    }
    return null;
  }

  private CompletableFuture<Node> skipped(Path p, String why) {
    return CompletableFuture.completedFuture(skippedNow(p, why));
  }

  private Node skippedNow(Path p, String why) {
    problem(p, why);
    progress.fileDone();
    return null;
  }

  private void problem(Path p, String what) {
    synchronized (problems) {
      problems.add(new Snapshot.Problem(p.toString(), what));
    }
  }

}
