package org.kho.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy between repositories with different keys: every blob the snapshots need is read (and so
 * verified) once from the source and stored through a {@link BlobWriter} of the target, which
 * seals it under the target's keys and skips what the target already holds; trees are rewritten
 * with the new ids. Chunk boundaries stay those of the source. Then the index, and a new snapshot
 * record per copy naming its original ({@code copyOf}), signed if the target has a signing key.
 */
final class ReencryptCopy {
  private final Repository from;
  private final Repository to;
  /** Source snapshot origin → its copy's id in the target, for the copies' parents. */
  private final Map<String, String> copies;
  private final Map<BlobId, BlobId> trees = new HashMap<>();
  private final Map<BlobId, BlobId> data = new HashMap<>();
  private BlobWriter writer;
  private CopyProgress progress;
  private long bytes;

  ReencryptCopy(Repository from, Repository to, Map<String, String> copies) {
    this.from = from;
    this.to = to;
    this.copies = new HashMap<>(copies);
  }

  SnapshotCopier.Result copy(List<SnapshotRef> todo, List<SnapshotRef> skipped, CopyProgress progress) {
    this.progress = progress;
    writer = to.writer();
    List<String> roots = new ArrayList<>();
    try {
      for (SnapshotRef s : todo) {
        roots.add(tree(BlobId.parse(s.snapshot().tree())).hex());
      }
      writer.flush();
    } catch (RuntimeException e) {
      writer.abandon();
      throw e;
    }
    List<SnapshotCopier.Copied> done = new ArrayList<>();
    for (int i = 0; i < todo.size(); i++) {
      SnapshotRef s = todo.get(i);
      Snapshot o = s.snapshot();
      Snapshot copy = new Snapshot(o.version(), o.time(), o.host(), o.user(), o.paths(), o.item(), o.tags(),
          roots.get(i), o.parent() == null ? null : copies.get(o.parent()), o.summary(), o.problems(), o.program(),
          to.signerFingerprint().orElse(null), s.origin());
      SnapshotRef saved = to.saveSnapshot(copy);
      copies.put(s.origin(), saved.id());
      done.add(new SnapshotCopier.Copied(s, saved));
    }
    return new SnapshotCopier.Result(false, done, skipped, writer.stats().blobsAdded(), bytes);
  }

  private BlobId tree(BlobId id) {
    BlobId known = trees.get(id);
    if (known != null) {
      return known;
    }
    List<Node> nodes = new ArrayList<>();
    for (Node n : from.readTree(id).nodes()) {
      if (n.type() == Node.Type.DIR && n.subtree() != null) {
        nodes.add(n.withSubtree(tree(BlobId.parse(n.subtree())).hex()));
      } else if (n.type() == Node.Type.FILE && n.content() != null) {
        nodes.add(n.withContent(n.content().stream().map(this::chunk).toList()));
      } else {
        nodes.add(n);
      }
    }
    BlobId copied = to.saveTree(new Tree(nodes), writer);
    trees.put(id, copied);
    return copied;
  }

  private String chunk(String hex) {
    BlobId id = BlobId.parse(hex);
    BlobId known = data.get(id);
    if (known == null) {
      byte[] plain = from.readBlob(BlobType.DATA, id);
      known = writer.save(BlobType.DATA, plain, 0, plain.length);
      data.put(id, known);
      bytes += plain.length;
      progress.advanced(plain.length);
    }
    return known.hex();
  }
}
