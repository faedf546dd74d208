package org.kho.repository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kho.crypto.Sha256;
import org.kho.storage.ObjectExistsException;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;

/**
 * A copy between repositories sharing a master key: the blobs the target lacks are taken pack by
 * pack, each authenticated, and stored sealed as they are — a whole pack keeps its bytes and name,
 * a part of one goes into a new pack with the same salt (and so the same key) and a new header.
 * Then the index, the snapshot objects byte for byte, and their evidence records.
 */
final class RawCopy {
  private final Repository from;
  private final Repository to;
  private final Set<BlobId> needed = new HashSet<>();
  private final Set<BlobId> walked = new HashSet<>();
  private long files;
  private long bytes;

  RawCopy(Repository from, Repository to) {
    this.from = from;
    this.to = to;
  }

  SnapshotCopier.Result copy(List<SnapshotRef> todo, List<SnapshotRef> skipped, CopyProgress progress) {
    todo.forEach(s -> walk(BlobId.parse(s.snapshot().tree())));
    Map<String, List<MasterIndex.Location>> byPack = new LinkedHashMap<>();
    for (BlobId id : needed) {
      MasterIndex.Location loc = from.index().find(id);
      if (loc == null) {
        throw new RepositoryException.Damaged("blob " + id.shortHex() + " of a snapshot being copied is missing from "
            + "the source repository; 'kho check' on the source lists what it affects", null);
      }
      byPack.computeIfAbsent(loc.pack(), k -> new ArrayList<>()).add(loc);
    }
    progress.total(files, bytes);
    List<IndexFile.Pack> packs = new ArrayList<>();
    long copied = 0;
    for (var e : byPack.entrySet()) {
      packs.add(copyPack(e.getKey(), e.getValue()));
      long n = e.getValue().stream().mapToLong(MasterIndex.Location::rawLength).sum();
      copied += n;
      progress.advanced(n);
    }
    BlobWriter.writeIndex(to.sealed(), packs);
    List<SnapshotCopier.Copied> done = new ArrayList<>();
    for (SnapshotRef s : todo) {
      create(ObjectName.of(ObjectKind.SNAPSHOT, s.id()), verified(ObjectName.of(ObjectKind.SNAPSHOT, s.id())));
      done.add(new SnapshotCopier.Copied(s, s));
    }
    copyEvidence(todo);
    return new SnapshotCopier.Result(true, done, skipped, needed.size(), copied);
  }

  /** Notes every blob under {@code tree} the target lacks; a tree the target has is complete there. */
  private void walk(BlobId tree) {
    if (!walked.add(tree) || to.index().contains(tree)) { // not has(): a blob only in a condemned pack is copied again
      return;
    }
    needed.add(tree);
    for (Node n : from.readTree(tree).nodes()) {
      if (n.type() == Node.Type.DIR && n.subtree() != null) {
        walk(BlobId.parse(n.subtree()));
      } else if (n.type() == Node.Type.FILE && n.content() != null) {
        files++;
        bytes += n.size();
        n.content().stream().map(BlobId::parse).filter(id -> !to.index().contains(id)).forEach(needed::add);
      }
    }
  }

  private IndexFile.Pack copyPack(String pack, List<MasterIndex.Location> locations) {
    ObjectName name = ObjectName.of(ObjectKind.DATA, pack);
    byte[] bytes = verified(name);
    for (MasterIndex.Location loc : locations) {
      from.verifyBlob(loc, bytes, loc.offset(), loc.length()); // authenticates and checks it; throws if damaged
    }
    PackReader.Header header = from.readHeader(name, bytes.length);
    if (header.entries().size() == locations.size()) {
      create(name, bytes);
      to.index().addPack(pack, header.salt(), header.entries());
      return new IndexFile.Pack(pack, header.salt(), header.entries());
    }
    PackBuilder part = PackBuilder.withSalt(to.master(), header.salt());
    for (MasterIndex.Location loc : locations) {
      part.addSealed(loc.type(), loc.id(), bytes, loc.offset(), loc.length(), loc.rawLength());
    }
    PackBuilder.Finished f = part.finish(new byte[0]);
    create(ObjectName.of(ObjectKind.DATA, f.name()), java.util.Arrays.copyOf(f.buffer(), f.length()));
    to.index().addPack(f.name(), f.salt(), f.entries());
    return new IndexFile.Pack(f.name(), f.salt(), f.entries());
  }

  /** The stored bytes of a source object named by its SHA-256, checked against that name. */
  private byte[] verified(ObjectName name) {
    byte[] bytes = from.storage().read(name);
    if (!Sha256.hex(bytes).equals(name.name())) {
      throw new RepositoryException.Damaged(name + " of the source repository does not match its name (its bytes "
          + "were changed); nothing of it was copied", null);
    }
    return bytes;
  }

  private void create(ObjectName name, byte[] bytes) {
    try {
      to.storage().create(name, bytes);
    } catch (ObjectExistsException e) {
      // left by an earlier copy that stopped before its commit: the same bytes, by name
    }
  }

  /** Copies the evidence records that sign the copied snapshots; their signatures stay valid. */
  private void copyEvidence(List<SnapshotRef> copied) {
    Set<String> ids = new HashSet<>();
    copied.forEach(s -> ids.add(s.id()));
    EvidenceStore store = EvidenceStore.on(from.storage());
    for (String record : store.recordNames()) {
      try {
        String statement = store.record(record).statement();
        String snapshot = Json.MAPPER.readTree(statement).path("snapshot").asText("");
        if (ids.contains(snapshot)) {
          create(ObjectName.of(ObjectKind.EVIDENCE, record), from.storage().read(ObjectName.of(ObjectKind.EVIDENCE, record)));
        }
      } catch (RepositoryException.Damaged | com.fasterxml.jackson.core.JsonProcessingException e) {
        // an unreadable record signs nothing it could prove; 'kho evidence verify' on the source names it
      }
    }
  }
}
