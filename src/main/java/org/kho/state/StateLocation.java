package org.kho.state;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the state database is: a JDBC URL, the user, and the password (read from a file or the
 * environment by the caller, never taken from the command line).
 *
 * @param directory the local state directory (the H2 file, the daemon's control socket)
 */
public record StateLocation(String url, String user, Optional<String> password, Path directory) {
  /** The file name (without H2's {@code .mv.db}) of the embedded database in the state directory. */
  static final String H2_NAME = "kho";

  /** Checks the URL names a database Kho supports. */
  public StateLocation {
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("state database URL " + url + " is neither jdbc:h2: nor jdbc:postgresql:");
    }
  }

  /**
   * The embedded database in {@code directory}. {@code AUTO_SERVER} lets {@code kho status} read it
   * while the daemon has it open.
   */
  public static StateLocation embedded(Path directory) {
    Path file = directory.toAbsolutePath().resolve(H2_NAME);
    return new StateLocation("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE", "kho", Optional.empty(), directory);
  }

  /** True for PostgreSQL, which several daemons may share (clustered mode). */
  public boolean shared() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** The URL without credentials or options, for messages and logs. */
  public String describe() {
    int options = url.indexOf(shared() ? '?' : ';');
    return options < 0 ? url : url.substring(0, options);
  }
}
