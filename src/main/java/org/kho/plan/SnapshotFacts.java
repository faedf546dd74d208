package org.kho.plan;

import java.time.Instant;
import java.util.List;

/**
 * What a retention decision needs to know of one snapshot.
 *
 * @param item the catalogue item it was made for, or null for an ad hoc backup
 */
public record SnapshotFacts(String id, Instant time, String host, String item, List<String> paths, List<String> tags) {
  /** Copies the lists. */
  public SnapshotFacts {
    paths = List.copyOf(paths);
    tags = List.copyOf(tags);
  }

  /**
   * The group whose snapshots the rules count together: the item, or for an ad hoc backup its
   * host and paths (as restic groups them); with {@code byTags}, the tags as well.
   */
  public String group(boolean byTags) {
    String base = item != null ? "item " + item : "host " + host + " paths " + String.join(",", paths);
    return byTags ? base + " tags " + String.join(",", tags.stream().sorted().toList()) : base;
  }

  public String shortId() {
    return id.substring(0, Math.min(8, id.length()));
  }
}
