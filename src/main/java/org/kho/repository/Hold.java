package org.kho.repository;

import java.time.Instant;

/**
 * A legal hold: the snapshot it keeps whatever the retention rules say, why, and who placed it.
 * Stored sealed in {@code holds/}; releasing the hold deletes the object.
 *
 * @param snapshot the full id of the held snapshot
 */
public record Hold(int version, String snapshot, String reason, Instant created, String host, String user) {
  static final int VERSION = 1;
}
