package org.kho.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies snapshots from one open repository into another (3-2-1: more copies on other media).
 * When both share their master key and chunker ({@code kho repo init --copy-params-from}), packs
 * and snapshot objects are copied as they are stored: no data is decrypted for re-encryption
 * (each blob is still authenticated before it is copied), chunk ids stay the same, and the
 * snapshots' signed evidence records are copied with them, still valid. Otherwise every blob is
 * decrypted once and sealed under the target's keys, trees are rewritten with the new ids, and each
 * copy records the original it was made from ({@code copyOf}); it is signed anew if the target
 * session has a signing key. Blobs the target has already are never copied; a snapshot whose
 * original the target already holds is skipped.
 *
 * <p>The caller holds locks on both repositories and has loaded both indexes.
 */
public final class SnapshotCopier {
  private final Repository from;
  private final Repository to;

  public SnapshotCopier(Repository from, Repository to) {
    this.from = from;
    this.to = to;
  }

  /** One snapshot copied: its id in the source and in the target. */
  public record Copied(SnapshotRef from, SnapshotRef to) {}

  /**
   * What a copy did.
   *
   * @param raw whether data was copied as stored (shared keys) rather than re-encrypted
   * @param skipped snapshots the target already held
   */
  public record Result(boolean raw, List<Copied> copied, List<SnapshotRef> skipped, long blobsCopied,
      long bytesCopied) {
    public Result {
      copied = List.copyOf(copied);
      skipped = List.copyOf(skipped);
    }
  }

  /** Whether data will be copied as stored, without decryption and re-encryption. */
  public boolean raw() {
    return from.sameKeysAs(to);
  }

  /** Copies {@code snapshots} (of the source) that the target does not hold yet. */
  public Result copy(List<SnapshotRef> snapshots, CopyProgress progress) {
    Map<String, SnapshotRef> held = new HashMap<>();
    to.snapshots().forEach(s -> held.put(s.origin(), s));
    List<SnapshotRef> todo = new ArrayList<>();
    List<SnapshotRef> skipped = new ArrayList<>();
    for (SnapshotRef s : snapshots) {
      if (held.containsKey(s.origin()) || todo.stream().anyMatch(t -> t.origin().equals(s.origin()))) {
        skipped.add(s);
      } else {
        todo.add(s);
      }
    }
    if (todo.isEmpty()) {
      return new Result(raw(), List.of(), skipped, 0, 0);
    }
    Map<String, String> ids = new HashMap<>();
    held.forEach((origin, copy) -> ids.put(origin, copy.id()));
    return raw() ? new RawCopy(from, to).copy(todo, skipped, progress)
        : new ReencryptCopy(from, to, ids).copy(todo, skipped, progress);
  }
}
