package org.kho.repository;

import java.time.Duration;

/**
 * What a prune does.
 *
 * @param grace how long condemned packs wait before a sweep may delete them (counted from the
 *     prune that condemned them); zero sweeps in the same run when no other process is running
 * @param repackPercent repack a pack when at least this share (1–100) of its blob bytes is unused
 * @param apply write and delete; without it the prune only reports what it would do
 */
public record PruneRequest(Duration grace, int repackPercent, boolean apply) {
  public static final Duration DEFAULT_GRACE = Duration.ofHours(24);
  public static final int DEFAULT_REPACK_PERCENT = 20;

  public PruneRequest {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("the grace period must not be negative: " + grace);
    }
    if (repackPercent < 1 || repackPercent > 100) {
      throw new IllegalArgumentException("the repack threshold must be 1 to 100 percent: " + repackPercent);
    }
  }
}
