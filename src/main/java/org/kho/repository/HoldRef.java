package org.kho.repository;

/** A stored hold and its id (the SHA-256 name of its object). */
public record HoldRef(String id, Hold hold) {
  public String shortId() {
    return id.substring(0, 8);
  }
}
