package org.kho.evidence;

import java.time.Instant;
import org.kho.core.AuditChain;

/**
 * One audit-log entry as an evidence bundle carries it: the entry's fields and the chain hashes the
 * log stored with it (the previous entry's and its own), one JSON object per line of
 * {@code audit/segment.jsonl}.
 */
public record AuditLine(long seq, Instant at, String actor, String action, String subject, String detail,
    String previous, String hash) {

  /** Whether {@link #hash} is what the chain's rule gives for these fields after {@link #previous}. */
  boolean intact() {
    return AuditChain.hash(previous, seq, at.toEpochMilli(), actor, action, subject, detail).equals(hash);
  }
}
