package org.kho.logarchive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.kho.core.KhoException;
import org.kho.repository.BlobId;
import org.kho.repository.BlobType;
import org.kho.repository.Node;
import org.kho.repository.Repository;
import org.kho.repository.RepositoryException;
import org.kho.repository.SnapshotRef;
import org.kho.repository.Tree;

/**
 * Reads a month back from the repository and compares it with its manifest: the snapshot is
 * there and tagged with the month and source, and every file in it has the size and SHA-256 the
 * manifest records. Returns what does not match; an empty list means the month is intact.
 */
final class ReadBack {
  private final Repository repo;

  /** {@code repo} must have its index loaded. */
  ReadBack(Repository repo) {
    this.repo = repo;
  }

  List<String> check(Manifest m) {
    List<String> problems = new ArrayList<>();
    if (m.snapshot() == null) {
      if (!m.entries().isEmpty()) {
        problems.add("the manifest lists files but names no snapshot");
      }
      return problems;
    }
    SnapshotRef snap;
    try {
      snap = repo.snapshot(m.snapshot());
    } catch (KhoException e) {
      problems.add("its snapshot " + Chain.shortName(m.snapshot()) + " is missing or unreadable: " + e.getMessage());
      return problems;
    }
    List<String> tags = snap.snapshot().tags() == null ? List.of() : snap.snapshot().tags();
    if (!tags.contains(Tags.month(m.yearMonth())) || !tags.contains(Tags.source(m.source()))) {
      problems.add("its snapshot " + snap.shortId() + " is tagged " + tags + ", not as " + m.source() + " " + m.month());
    }
    for (Manifest.Entry e : m.entries()) {
      try {
        String found = file(snap.snapshot().tree(), e);
        if (found != null) {
          problems.add(e.name() + ": " + found);
        }
      } catch (RepositoryException.Damaged d) {
        problems.add(e.name() + ": " + d.getMessage());
      }
    }
    return problems;
  }

  /** What is wrong with the stored copy of {@code e}, or null when it matches. */
  private String file(String rootTree, Manifest.Entry e) {
    Node node = find(rootTree, e.name());
    if (node == null || node.type() != Node.Type.FILE) {
      return "not in the snapshot";
    }
    MessageDigest sha = sha256();
    long size = 0;
    for (String id : node.content() == null ? List.<String>of() : node.content()) {
      byte[] chunk = repo.readBlob(BlobType.DATA, BlobId.parse(id));
      sha.update(chunk);
      size += chunk.length;
    }
    if (size != e.size()) {
      return "stored " + size + " bytes, the manifest says " + e.size();
    }
    String hex = HexFormat.of().formatHex(sha.digest());
    return hex.equals(e.sha256()) ? null : "stored bytes have SHA-256 " + hex + ", the manifest says " + e.sha256();
  }

  private Node find(String rootTree, String path) {
    Tree tree = repo.readTree(BlobId.parse(rootTree));
    String[] parts = path.replaceFirst("^/+", "").split("/");
    for (int i = 0; i < parts.length; i++) {
      Node n = tree.find(parts[i]);
      if (n == null || i == parts.length - 1) {
        return n;
      }
      if (n.type() != Node.Type.DIR) {
        return null;
      }
      tree = repo.readTree(BlobId.parse(n.subtree()));
    }
    return null;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
