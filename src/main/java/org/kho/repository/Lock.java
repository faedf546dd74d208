package org.kho.repository;

import java.time.Instant;

/**
 * A lock object's content. Shared locks (backup, restore, check) exclude only exclusive ones
 * (key removal); an exclusive lock excludes every other. A prune takes a shared lock marked
 * {@code prune}, which excludes other prunes only (see FORMAT.md, "Prune").
 *
 * @param refreshed renewed every few minutes while its holder runs; a lock not renewed for
 *     {@link Locks#STALE_AFTER} is stale, as is one whose holder process is gone on this host
 */
record Lock(String host, long pid, String user, Instant created, Instant refreshed, boolean exclusive, String nonce,
    Boolean prune) {
  /** Whether this is a prune's lock: shared, but excluding other prunes. */
  boolean pruning() {
    return Boolean.TRUE.equals(prune);
  }
}
