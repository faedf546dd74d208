package org.kho.restore;

import java.nio.file.Path;
import java.util.List;

/**
 * What to restore.
 *
 * @param snapshot "latest" or a snapshot id prefix
 * @param target the folder to restore into; it must be empty or not exist
 * @param includes paths inside the snapshot (as backed up, e.g. {@code /srv/data/a.txt}); empty
 *     for everything
 * @param verify read back every restored file and compare it with the chunk ids
 */
public record RestoreRequest(String snapshot, Path target, List<String> includes, boolean verify) {
  public RestoreRequest {
    target = target.toAbsolutePath().normalize();
    includes = includes.stream().map(RestoreRequest::normalise).toList();
  }

  static String normalise(String p) {
    String s = p.startsWith("/") ? p : "/" + p;
    return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
