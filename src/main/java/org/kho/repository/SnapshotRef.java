package org.kho.repository;

/** A stored snapshot and its id (the SHA-256 name of its object). */
public record SnapshotRef(String id, Snapshot snapshot) {
  public String shortId() {
    return id.substring(0, 8);
  }

  /** The id of the original this snapshot is (itself, unless it is a copy made with other keys). */
  public String origin() {
    return snapshot.copyOf() != null ? snapshot.copyOf() : id;
  }
}
