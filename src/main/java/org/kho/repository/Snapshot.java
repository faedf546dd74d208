package org.kho.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot record: what was backed up, when, from where, its root tree, and what went wrong.
 * Stored sealed in {@code snapshots/}; writing it is the commit point of a backup.
 *
 * @param item the catalogue item, or null for an ad hoc backup
 * @param tree the id of the root tree blob (hex)
 * @param parent the snapshot this one was compared against, or null
 * @param problems files that changed, vanished or could not be read; empty for a complete snapshot
 * @param signer the fingerprint of the signing key of its evidence record, or null if unsigned
 * @param copyOf for a copy made with other keys (see {@code kho copy}), the id of the original
 *     snapshot it was made from; null for an original or a byte-for-byte copy
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Snapshot(int version, Instant time, String host, String user, List<String> paths, String item,
    List<String> tags, String tree, String parent, Summary summary, List<Problem> problems, String program,
    String signer, String copyOf) {

  /** Counts of one backup run. */
  public record Summary(long files, long dirs, long bytes, long newFiles, long changedFiles, long unchangedFiles,
      long blobsAdded, long bytesAdded, long bytesStored, double seconds) {}

  /** A file the snapshot does not hold as it was, and why. */
  public record Problem(String path, String what) {}

  public boolean complete() {
    return problems == null || problems.isEmpty();
  }
}
