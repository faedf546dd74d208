package org.kho.restore;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * What to restore.
 *
 * @param snapshot "latest" or a snapshot id prefix
 * @param target the folder to restore into; it must be empty or not exist
 * @param includes paths inside the snapshot (as backed up, e.g. {@code /srv/data/a.txt}); empty
 *     for everything
 * @param verify read back every restored file and compare it with the chunk ids
 * @param only which entries other than folders to restore, by their path in the snapshot (a
 *     restore drill's sample); folders on the way are restored anyway
 */
public record RestoreRequest(String snapshot, Path target, List<String> includes, boolean verify,
    Predicate<String> only) {
  public RestoreRequest {
    target = target.toAbsolutePath().normalize();
    includes = includes.stream().map(RestoreRequest::normalise).toList();
  }

  /** Everything under {@code includes} (everything when empty). */
  public RestoreRequest(String snapshot, Path target, List<String> includes, boolean verify) {
    this(snapshot, target, includes, verify, path -> true);
  }

  static String normalise(String p) {
    String s = p.startsWith("/") ? p : "/" + p;
    return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
