package org.kho.repository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kho.crypto.Sha256;
import org.kho.storage.NoSuchObjectException;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;

/**
 * Reads a pack in full and checks everything about it: its name is the hash of its bytes, its
 * header authenticates, every blob authenticates, decompresses and hashes to its id, and the
 * header and the index agree.
 */
final class PackVerifier {
  private final Repository repo;

  PackVerifier(Repository repo) {
    this.repo = repo;
  }

  PackReport verify(String pack, List<BlobId> indexed) {
    List<String> problems = new ArrayList<>();
    Set<BlobId> damaged = new HashSet<>();
    byte[] bytes;
    try {
      bytes = repo.storage().read(ObjectName.of(ObjectKind.DATA, pack));
    } catch (NoSuchObjectException e) {
      problems.add("pack " + pack + " is missing");
      damaged.addAll(indexed);
      return new PackReport(pack, indexed.size(), 0, problems, damaged);
    }
    if (!Sha256.hex(bytes).equals(pack)) {
      problems.add("pack " + pack + " does not match its name (its bytes were changed)");
    }
    PackReader.Header header;
    try {
      header = PackReader.header(repo.master(), bytes, pack);
    } catch (RepositoryException.Damaged e) {
      problems.add(e.getMessage() + "; its blobs were checked where the index places them");
      for (BlobId id : indexed) {
        verifyBlob(id, repo.index().find(id), bytes, problems, damaged);
      }
      return new PackReport(pack, indexed.size(), bytes.length, problems, damaged);
    }
    Set<BlobId> inHeader = new HashSet<>();
    for (PackEntry e : header.entries()) {
      inHeader.add(e.id());
      MasterIndex.Location loc = new MasterIndex.Location(e.type(), e.id(), pack, header.salt(), e.offset(), e.length(),
          e.rawLength());
      verifyBlob(e.id(), loc, bytes, problems, damaged);
      MasterIndex.Location known = repo.index().find(e.id());
      if (known != null && known.pack().equals(pack) && (known.offset() != e.offset() || known.length() != e.length())) {
        problems.add("the index places blob " + e.id().shortHex() + " elsewhere in pack " + pack + " than its header");
        damaged.add(e.id());
      }
    }
    for (BlobId id : indexed) {
      if (!inHeader.contains(id)) {
        problems.add("the index lists blob " + id.shortHex() + " in pack " + pack + " but the pack does not hold it");
        damaged.add(id);
      }
    }
    return new PackReport(pack, header.entries().size(), bytes.length, problems, damaged);
  }

  /** Opens the blob at {@code loc} in {@code pack}; notes it as damaged if that fails. */
  private void verifyBlob(BlobId id, MasterIndex.Location loc, byte[] pack, List<String> problems, Set<BlobId> damaged) {
    try {
      if (loc == null || loc.offset() < 0 || (long) loc.offset() + loc.length() > pack.length) {
        throw new RepositoryException.Damaged("blob " + id.shortHex() + " lies outside pack "
            + (loc == null ? "?" : loc.pack()), null);
      }
      repo.openBlob(loc, pack, loc.offset(), loc.length());
    } catch (RepositoryException.Damaged ex) {
      problems.add(ex.getMessage());
      damaged.add(id);
    }
  }
}
