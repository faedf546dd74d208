package org.kho.repository;

/** A stored snapshot and its id (the SHA-256 name of its object). */
public record SnapshotRef(String id, Snapshot snapshot) {
  public String shortId() {
    return id.substring(0, 8);
  }
}
