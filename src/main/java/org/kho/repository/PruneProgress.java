package org.kho.repository;

/** What a long prune reports while it runs; every method does nothing by default. */
public interface PruneProgress {
  PruneProgress NONE = new PruneProgress() {};

  /** A new step begins, e.g. "reading snapshots", "repacking", "deleting". */
  default void step(String what) {}
}
