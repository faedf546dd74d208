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
  private final Scratch scratch;

  /** A verifier reading packs into arrays lent by {@code scratch}. */
  PackVerifier(Repository repo, Scratch scratch) {
    this.repo = repo;
    this.scratch = scratch;
  }

  PackReport verify(String pack, List<BlobId> indexed) {
    ObjectName name = ObjectName.of(ObjectKind.DATA, pack);
    byte[] bytes = null;
    try {
      long size = repo.storage().size(name);
      if (size > Integer.MAX_VALUE - 8) {
        return new PackReport(pack, indexed.size(), size, List.of("pack " + pack + " is too large to be a pack ("
            + size + " bytes)"), new HashSet<>(indexed));
      }
      bytes = scratch.take((int) size);
      return verify(pack, indexed, bytes, repo.storage().read(name, 0, bytes, 0, (int) size));
    } catch (NoSuchObjectException e) {
      return new PackReport(pack, indexed.size(), 0, List.of("pack " + pack + " is missing"), new HashSet<>(indexed));
    } finally {
      scratch.give(bytes);
    }
  }

  /** Verifies the pack read into {@code bytes[0, length)}. */
  private PackReport verify(String pack, List<BlobId> indexed, byte[] bytes, int length) {
    List<String> problems = new ArrayList<>();
    Set<BlobId> damaged = new HashSet<>();
    if (!Sha256.hex(bytes, 0, length).equals(pack)) {
      problems.add("pack " + pack + " does not match its name (its bytes were changed)");
    }
    PackReader.Header header;
    try {
      header = PackReader.header(repo.master(), bytes, length, pack);
    } catch (RepositoryException.Damaged e) {
      problems.add(e.getMessage() + "; its blobs were checked where the index places them");
      for (BlobId id : indexed) {
        verifyBlob(id, repo.index().find(id), bytes, length, problems, damaged);
      }
      return new PackReport(pack, indexed.size(), length, problems, damaged);
    }
    Set<BlobId> inHeader = new HashSet<>();
    for (PackEntry e : header.entries()) {
      inHeader.add(e.id());
      MasterIndex.Location loc = new MasterIndex.Location(e.type(), e.id(), pack, header.salt(), e.offset(), e.length(),
          e.rawLength());
      verifyBlob(e.id(), loc, bytes, length, problems, damaged);
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
    return new PackReport(pack, header.entries().size(), length, problems, damaged);
  }

  /** Opens the blob at {@code loc} in {@code pack}; notes it as damaged if that fails. */
  private void verifyBlob(BlobId id, MasterIndex.Location loc, byte[] pack, int packLength, List<String> problems,
      Set<BlobId> damaged) {
    try {
      if (loc == null || loc.offset() < 0 || (long) loc.offset() + loc.length() > packLength) {
        throw new RepositoryException.Damaged("blob " + id.shortHex() + " lies outside pack "
            + (loc == null ? "?" : loc.pack()), null);
      }
      repo.verifyBlob(loc, pack, loc.offset(), loc.length());
    } catch (RepositoryException.Damaged ex) {
      problems.add(ex.getMessage());
      damaged.add(id);
    }
  }
}
