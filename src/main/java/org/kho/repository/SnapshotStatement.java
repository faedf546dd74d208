package org.kho.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The statement an evidence record signs for a snapshot. It names the snapshot object by its
 * SHA-256 (its name), which binds every byte of the sealed record, and repeats the facts an
 * auditor reads without the repository key. Paths are left out: they stay encrypted.
 */
public final class SnapshotStatement {
  /** The {@code type} of a snapshot statement. */
  public static final String TYPE = "kho.snapshot.v1";

  private SnapshotStatement() {}

  static String of(String repository, String snapshotObject, Snapshot s) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("type", TYPE);
    n.put("repository", repository);
    n.put("snapshot", snapshotObject);
    n.put("time", s.time().toString());
    n.put("host", s.host());
    if (s.item() != null) {
      n.put("item", s.item());
    }
    n.put("files", s.summary().files());
    n.put("bytes", s.summary().bytes());
    n.put("complete", s.complete());
    try {
      return Json.MAPPER.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
