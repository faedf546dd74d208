package org.kho.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.kho.app.StateAccess;
import picocli.CommandLine.Option;

/** Where Kho keeps its state (run history, audit log, job store); the password is never an option. */
final class StateOptions {
  @Option(names = "--state-url", paramLabel = "JDBC-URL", description = "A PostgreSQL database for the state, shared "
      + "by clustered daemons (jdbc:postgresql://HOST:PORT/DB). Default: $KHO_STATE_URL, else an embedded database in "
      + "the state directory. User: $KHO_STATE_USER; password: the file $KHO_STATE_PASSWORD_FILE, the systemd "
      + "credential " + StateAccess.CREDENTIAL + ", or $KHO_STATE_PASSWORD.")
  private String url;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "The state directory (embedded database, daemon "
      + "socket). Default: $KHO_STATE_DIR, else state/ in the config directory.")
  private Path dir;

  StateAccess.Options options() {
    return new StateAccess.Options(Optional.ofNullable(url), Optional.ofNullable(dir));
  }
}
