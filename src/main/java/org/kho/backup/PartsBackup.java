package org.kho.backup;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.kho.core.UsageException;
import org.kho.repository.Node;
import org.kho.repository.Repository;
import org.kho.repository.RepositoryLock;
import org.kho.repository.Tree;

/**
 * Backs up chosen byte ranges of files, each stored as a file at its own absolute path (with the
 * original's metadata and the range's size), and reports the SHA-256 of every range as read. A
 * log archive uses it to store the part of a log file that belongs to one month. Always reads
 * every byte: there is no parent snapshot to compare against.
 */
public final class PartsBackup {
  private final Repository repo;
  private final Clock clock;
  private final String program;

  public PartsBackup(Repository repo, Clock clock, String program) {
    this.repo = repo;
    this.clock = clock;
    this.program = program;
  }

  /** Bytes {@code [offset, offset + length)} of {@code file}; the whole file is {@code (file, 0, size)}. */
  public record Part(Path file, long offset, long length) {
    public Part {
      file = file.toAbsolutePath().normalize();
      if (offset < 0 || length < 0) {
        throw new IllegalArgumentException("a part of " + file + " has offset " + offset + " and length " + length);
      }
    }
  }

  /** The committed snapshot, and the SHA-256 (hex) of each part as it was read and stored. */
  public record Result(BackupResult backup, Map<Path, String> sha256) {
    public Result {
      sha256 = Map.copyOf(sha256);
    }
  }

  /** The parts stored as one snapshot, with its item and tags; at most one part per file. */
  public record Batch(List<Part> parts, String item, List<String> tags) {
    public Batch {
      parts = List.copyOf(parts);
      tags = List.copyOf(tags);
    }
  }

  /** Told of each snapshot as it is committed, in the order of the batches; what it throws stops the rest. */
  @FunctionalInterface
  public interface Committed {
    void snapshot(int batch, Result result);
  }

  /**
   * Stores {@code parts} (at most one per file) as one snapshot tagged {@code tags}. Refuses a
   * repository on the same filesystem as the files unless {@code allowSameDevice} says why.
   */
  public Result run(List<Part> parts, String item, List<String> tags, Optional<String> allowSameDevice,
      BackupProgress progress) {
    List<Result> out = new ArrayList<>();
    run(List.of(new Batch(parts, item, tags)), allowSameDevice, progress, (i, r) -> out.add(r));
    return out.getFirst();
  }

  /**
   * Stores each batch as a snapshot of its own, all through one pool of workers and one blob
   * writer: the batches are read one after another, their data stored (a chunk two batches share
   * once), and once all of it is stored the snapshots are committed in order, each reported to
   * {@code committed} before the next is committed. A run that fails commits nothing.
   */
  public void run(List<Batch> batches, Optional<String> allowSameDevice, BackupProgress progress,
      Committed committed) {
    List<Folder> roots = batches.stream().map(PartsBackup::root).toList();
    List<Path> files = batches.stream().flatMap(b -> b.parts().stream()).map(Part::file).distinct().toList();
    SeparateStorage.check(repo.storage().localRoot(), files, allowSameDevice);
    Session.Mark from = Session.Mark.start(clock.instant());
    progress.scanned(batches.stream().mapToLong(b -> b.parts().size()).sum(),
        batches.stream().flatMap(b -> b.parts().stream()).mapToLong(Part::length).sum());
    try (RepositoryLock lock = repo.lock(false); Session session = new Session(repo, progress, clock)) {
      repo.loadIndex();
      repo.indexOrphanPacks(true);
      List<Built> built = new ArrayList<>();
      for (int i = 0; i < batches.size(); i++) {
        Map<Path, MessageDigest> digests = new LinkedHashMap<>();
        Folder root = roots.get(i);
        String tree = session.tree(() -> tree(root, session, digests));
        built.add(new Built(batches.get(i), tree, digests, from));
        from = session.mark(clock);
      }
      session.flush();
      for (int i = 0; i < built.size(); i++) {
        Built b = built.get(i);
        Session.Mark to = i + 1 < built.size() ? built.get(i + 1).from() : session.mark(clock);
        BackupResult result = session.commit(b.tree(), b.from(), to,
            b.batch().parts().stream().map(p -> p.file().toString()).toList(), b.batch().item(), b.batch().tags(),
            null, program);
        Map<Path, String> sums = new LinkedHashMap<>();
        b.digests().forEach((file, d) -> sums.put(file, HexFormat.of().formatHex(d.digest())));
        committed.snapshot(i, new Result(result, sums));
      }
    }
  }

  /** A batch whose tree is built, the digests of its parts, and where the session stood before it. */
  private record Built(Batch batch, String tree, Map<Path, MessageDigest> digests, Session.Mark from) {}

  /** The folders of a batch's parts; refuses two parts of one file. */
  private static Folder root(Batch batch) {
    Folder root = new Folder();
    for (Part p : batch.parts()) {
      root.add(Path.of("/").relativize(p.file()), p);
    }
    return root;
  }

  /** Reads and stores the parts under {@code root}; returns the id of the root tree. */
  private String tree(Folder root, Session session, Map<Path, MessageDigest> digests) {
    List<CompletableFuture<Node>> top = root.children(session.archiver, Path.of("/"), digests);
    List<Node> nodes = CompletableFuture.allOf(top.toArray(CompletableFuture[]::new))
        .thenApply(v -> top.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList()).join();
    return repo.saveTree(new Tree(nodes), session.writer).hex();
  }

  /** The folders and files under one folder of the snapshot. */
  private static final class Folder {
    private final Map<String, Folder> folders = new TreeMap<>();
    private final Map<String, Part> files = new TreeMap<>();

    void add(Path relative, Part part) {
      String first = relative.getName(0).toString();
      if (relative.getNameCount() == 1) {
        if (files.putIfAbsent(first, part) != null || folders.containsKey(first)) {
          throw new UsageException("two parts of " + part.file() + " in one snapshot", "store one range per file");
        }
        return;
      }
      folders.computeIfAbsent(first, k -> new Folder()).add(relative.subpath(1, relative.getNameCount()), part);
    }

    List<CompletableFuture<Node>> children(Archiver archiver, Path at, Map<Path, MessageDigest> digests) {
      List<CompletableFuture<Node>> out = new ArrayList<>();
      folders.forEach((name, sub) -> {
        Path path = at.resolve(name);
        Stat stat = archiver.stat(path);
        if (stat != null) {
          out.add(archiver.wrap(stat, name, sub.children(archiver, path, digests)));
        }
      });
      files.forEach((name, part) -> {
        Stat stat = archiver.stat(part.file());
        if (stat != null) {
          MessageDigest d = sha256();
          digests.put(part.file(), d);
          out.add(archiver.part(part.file(), stat, name, part.offset(), part.length(), d));
        }
      });
      return out;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
