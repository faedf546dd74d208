package org.kho.repository;

import java.time.Instant;

/**
 * A lock object's content. Shared locks (backup, restore, check) exclude only exclusive ones
 * (prune, key removal); an exclusive lock excludes every other.
 *
 * @param refreshed renewed every few minutes while its holder runs; a lock not renewed for
 *     {@link Locks#STALE_AFTER} is stale, as is one whose holder process is gone on this host
 */
record Lock(String host, long pid, String user, Instant created, Instant refreshed, boolean exclusive, String nonce) {}
