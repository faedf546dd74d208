package org.kho.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.kho.core.UsageException;
import org.kho.repository.BlobWriter;
import org.kho.repository.Node;
import org.kho.repository.Repository;
import org.kho.repository.RepositoryLock;
import org.kho.repository.Snapshot;
import org.kho.repository.SnapshotRef;
import org.kho.repository.Tree;

/** Runs one backup into an open repository and commits its snapshot. */
public final class BackupService {
  private final Repository repo;
  private final Clock clock;
  private final String program;

  public BackupService(Repository repo, Clock clock, String program) {
    this.repo = repo;
    this.clock = clock;
    this.program = program;
  }

  /**
   * Backs up {@code request} and commits its snapshot. Files that cannot be read are recorded as
   * problems of the snapshot; a stream that fails (see {@link BackupRequest.DataStream}) fails the
   * whole backup, and no snapshot is committed.
   */
  public BackupResult run(BackupRequest request, BackupProgress progress) {
    Streams.check(request);
    for (Path p : request.paths()) {
      if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        throw new UsageException("the source " + p + " does not exist", "check the path; nothing was backed up");
      }
    }
    SeparateStorage.check(repo.storage().localRoot(), request.paths(), request.allowSameDevice());
    Instant started = clock.instant();
    try (RepositoryLock lock = repo.lock(false)) {
      repo.loadIndex();
      repo.indexOrphanPacks(true);
      Optional<SnapshotRef> parent = request.readAll() ? Optional.empty() : parent(request);
      if (progress.wantsScan()) {
        Scan.start(request.paths(), progress);
      }
      return commit(request, progress, parent, started);
    }
  }

  private BackupResult commit(BackupRequest request, BackupProgress progress, Optional<SnapshotRef> parent,
      Instant started) {
    try (Session session = new Session(repo, progress, clock)) {
      Tree oldRoot = parent.map(p -> session.archiver.tree(p.snapshot().tree())).orElse(null);
      String tree = session.store(() -> new Roots(session.archiver, repo, session.writer).build(request, oldRoot));
      return session.commit(tree, started, clock, request.snapshotPaths(),
          request.item(), request.tags(), parent.map(SnapshotRef::id).orElse(null), program);
    }
  }

  /** The latest snapshot of the same host, paths and item, or the one asked for. */
  private Optional<SnapshotRef> parent(BackupRequest request) {
    if (request.parent().isPresent()) {
      return Optional.of(repo.snapshot(request.parent().get()));
    }
    List<String> paths = request.snapshotPaths();
    String host = repo.host().name();
    List<SnapshotRef> all = new ArrayList<>(repo.snapshots());
    for (int i = all.size() - 1; i >= 0; i--) {
      Snapshot s = all.get(i).snapshot();
      if (s.host().equals(host) && s.paths().equals(paths) && Objects.equals(s.item(), request.item())) {
        return Optional.of(all.get(i));
      }
    }
    return Optional.empty();
  }

  /** Builds the root tree: every source under its absolute path, folders on the way included. */
  private record Roots(Archiver archiver, Repository repo, BlobWriter writer) {
    String build(BackupRequest request, Tree oldRoot) {
      PathTrie trie = new PathTrie();
      request.sources().forEach(s -> trie.add(s.path(),
          new PathFilter(java.nio.file.FileSystems.getDefault(), s.excludes(), s.includes())));
      List<CompletableFuture<Node>> top = children(trie, Path.of("/"), oldRoot);
      for (BackupRequest.DataStream s : request.streams()) {
        top.add(archiver.stream(s, oldRoot == null ? null : oldRoot.find(s.name())));
      }
      List<Node> nodes = CompletableFuture.allOf(top.toArray(CompletableFuture[]::new))
          .thenApply(v -> top.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList()).join();
      return repo.saveTree(new Tree(nodes), writer).hex();
    }

    private List<CompletableFuture<Node>> children(PathTrie trie, Path at, Tree oldTree) {
      List<CompletableFuture<Node>> out = new ArrayList<>();
      for (var e : trie.children().entrySet()) {
        Path path = at.resolve(e.getKey());
        PathTrie sub = e.getValue();
        Stat stat = sub.filter() != null ? archiver.stat(path) : archiver.statFollowing(path);
        if (stat == null) {
          continue;
        }
        Node was = oldTree == null ? null : oldTree.find(e.getKey());
        if (sub.filter() != null) {
          out.add(switch (stat.type()) {
            case DIR -> archiver.folder(path, stat, e.getKey(), was, path, sub.filter());
            case FILE -> archiver.file(path, stat, e.getKey(), was);
            case SYMLINK -> archiver.symlink(path, stat, e.getKey());
            default -> CompletableFuture.completedFuture(stat.node(e.getKey()));
          });
        } else {
          Tree wasTree = was == null ? null : archiver.tree(was.subtree());
          out.add(archiver.wrap(stat, e.getKey(), children(sub, path, wasTree)));
        }
      }
      return out;
    }
  }
}
