package org.kho.storage;

/** The kinds of objects in a repository, each in its own folder (see FORMAT.md). */
public enum ObjectKind {
  /** The one {@code config} object at the top. */
  CONFIG(""),
  KEY("keys"),
  /** Packs, spread over 256 sub-folders by the first two hex digits of their name. */
  DATA("data"),
  INDEX("index"),
  SNAPSHOT("snapshots"),
  LOCK("locks"),
  EVIDENCE("evidence"),
  /** Legal holds on snapshots. */
  HOLD("holds"),
  /** Results of restore drills, one per drilled snapshot and run. */
  DRILL("drills"),
  /** Packs prune has condemned, waiting out their grace period. */
  PRUNE("prune");

  private final String folder;

  ObjectKind(String folder) {
    this.folder = folder;
  }

  /** The folder of this kind relative to the repository root; empty for {@link #CONFIG}. */
  public String folder() {
    return folder;
  }
}
