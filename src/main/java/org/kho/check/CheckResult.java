package org.kho.check;

import java.util.List;

/**
 * What a check found.
 *
 * @param errors damage: each with the snapshots and files it affects
 * @param warnings things that are not damage (packs an interrupted backup left behind)
 */
public record CheckResult(int snapshots, int trees, int packs, int packsRead, long bytesRead,
    List<Finding> errors, List<Finding> warnings) {

  /** One problem and, for damage, what it affects ("snapshot 1a2b3c4d (2026-11-21T…): /srv/x"). */
  public record Finding(String what, List<String> affected) {}

  public boolean ok() {
    return errors.isEmpty();
  }
}
