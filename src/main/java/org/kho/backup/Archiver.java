package org.kho.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
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
 * Turns folders into trees. The calling thread walks and reads (one file at a time, in large
 * blocks, cut by the chunker); each chunk goes to the worker pool, which hashes, dedups,
 * compresses, encrypts and packs it. A folder's tree is stored once all its entries are done, on
 * a worker, so the walk never waits for the workers except when the bytes in flight reach the
 * budget.
 */
final class Archiver {
  /** Bytes of chunks handed to workers and not yet stored: bounds memory. */
  private static final int IN_FLIGHT_BYTES = 32 << 20;
  private final Repository repo;
  private final BlobWriter writer;
  private final Chunker chunker;
  private final ExecutorService workers;
  private final BackupProgress progress;
  private final Semaphore budget = new Semaphore(IN_FLIGHT_BYTES);
  private final List<Snapshot.Problem> problems = new ArrayList<>();
  final LongAdder files = new LongAdder();
  final LongAdder dirs = new LongAdder();
  final LongAdder bytes = new LongAdder();
  final LongAdder newFiles = new LongAdder();
  final LongAdder changedFiles = new LongAdder();
  final LongAdder unchangedFiles = new LongAdder();

  Archiver(Repository repo, BlobWriter writer, ExecutorService workers, BackupProgress progress) {
    this.repo = repo;
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
      Path relative = root.relativize(child);
      if (filter.excluded(relative)) {
        continue;
      }
      Stat s = stat(child);
      if (s == null) {
        continue;
      }
      Node was = oldTree == null ? null : oldTree.find(childName);
      CompletableFuture<Node> node = switch (s.type()) {
        case DIR -> folder(child, s, childName, was, root, filter);
        case FILE -> filter.selectedFile(relative) ? file(child, s, childName, was) : null;
        case SYMLINK -> symlink(child, s, childName);
        default -> CompletableFuture.completedFuture(s.node(childName));
      };
      if (node != null) {
        children.add(node);
      }
    }
    return CompletableFuture.allOf(children.toArray(CompletableFuture[]::new)).thenApplyAsync(v -> {
      List<Node> nodes = children.stream().map(CompletableFuture::join).filter(n -> n != null).toList();
      BlobId tree = repo.saveTree(new Tree(nodes), writer);
      return stat.node(name).withSubtree(tree.hex());
    }, workers);
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
    if (stat.sameAs(old) && old.content().stream().allMatch(id -> writer.has(BlobId.parse(id)))) {
      unchangedFiles.increment();
      progress.advanced(stat.size());
      progress.fileDone();
      return CompletableFuture.completedFuture(node.withContent(old.content()));
    }
    (old == null ? newFiles : changedFiles).increment();
    return reading(file, () -> {
      List<CompletableFuture<String>> chunks;
      try (InputStream in = Files.newInputStream(file)) {
        chunks = content(in, stat.size());
      }
      Stat after = stat(file);
      if (after == null || after.changedSince(stat)) {
        problem(file, "changed while it was being read; the stored copy may mix old and new content");
      }
      return done(node, chunks);
    });
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
    return reading(file, () -> {
      try (FileChannel channel = FileChannel.open(file);
          Range in = new Range(Channels.newInputStream(channel.position(offset)), length, digest)) {
        List<CompletableFuture<String>> chunks = content(in, length);
        if (in.remaining() > 0) {
          problem(file, "ended " + in.remaining() + " bytes before the expected " + (offset + length)
              + " while it was read (truncated or rotated meanwhile)");
        }
        return done(stat.withSize(length).node(name), chunks);
      }
    });
  }

  /** How a file is read into a node; may fail as reading files does. */
  private interface Read {
    CompletableFuture<Node> run() throws IOException;
  }

  /** Runs {@code read}; a file that vanishes or cannot be read is left out and noted as a problem. */
  private CompletableFuture<Node> reading(Path file, Read read) {
    try {
      return read.run();
    } catch (NoSuchFileException e) {
      return skipped(file, "vanished before it could be read");
    } catch (AccessDeniedException e) {
      return skipped(file, "could not be read: permission denied");
    } catch (IOException e) {
      return skipped(file, "could not be read: " + e.getMessage());
    }
  }

  /** The chunks of {@code in} ({@code size} bytes expected), each on its way to the workers. */
  private List<CompletableFuture<String>> content(InputStream in, long size) throws IOException {
    List<CompletableFuture<String>> chunks = new ArrayList<>();
    if (size <= chunker.params().min()) {
      byte[] all = in.readAllBytes();
      if (all.length > 0) {
        chunks.add(store(all));
      }
    } else {
      chunker.split(in, (buf, off, len) -> chunks.add(store(Arrays.copyOfRange(buf, off, off + len))));
    }
    return chunks;
  }

  /** {@code node} with its content once every chunk is stored. */
  private CompletableFuture<Node> done(Node node, List<CompletableFuture<String>> chunks) {
    return CompletableFuture.allOf(chunks.toArray(CompletableFuture[]::new)).thenApply(v -> {
      progress.fileDone();
      return node.withContent(chunks.stream().map(CompletableFuture::join).toList());
    });
  }

  private CompletableFuture<String> store(byte[] chunk) throws IOException {
    try {
      budget.acquire(chunk.length);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("backup interrupted");
    }
    return CompletableFuture.supplyAsync(() -> {
      try {
        return writer.save(BlobType.DATA, chunk, 0, chunk.length).hex();
      } finally {
        budget.release(chunk.length);
        progress.advanced(chunk.length);
      }
    }, workers);
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
      problem(dir, "folder could not be listed: " + reason(e));
    }
    out.sort(null);
    return out;
  }

  /** The file's metadata, or null (and a problem noted) if it vanished or cannot be read. */
  Stat stat(Path p) {
    try {
      return Stat.of(p);
    } catch (NoSuchFileException e) {
      problem(p, "vanished during the backup");
    } catch (IOException e) {
      problem(p, "metadata could not be read: " + reason(e));
    }
    return null;
  }

  private CompletableFuture<Node> skipped(Path p, String why) {
    problem(p, why);
    progress.fileDone();
    return CompletableFuture.completedFuture(null);
  }

  private void problem(Path p, String what) {
    synchronized (problems) {
      problems.add(new Snapshot.Problem(p.toString(), what));
    }
  }

  private static String reason(IOException e) {
    return e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
  }
}
