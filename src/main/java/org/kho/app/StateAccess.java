package org.kho.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.kho.catalogue.SecretRef;
import org.kho.core.UsageException;
import org.kho.state.StateLocation;
import org.kho.state.StateStore;

/**
 * Finds and opens the state database. By default an embedded H2 database in the state directory
 * ({@code --state-dir}, else {@code $KHO_STATE_DIR}, else {@code state/} in the config directory).
 * PostgreSQL by one setting: {@code --state-url} or {@code $KHO_STATE_URL}, with the user in
 * {@code $KHO_STATE_USER} (default {@code kho}) and the password from the file
 * {@code $KHO_STATE_PASSWORD_FILE}, the systemd credential {@value #CREDENTIAL}, or
 * {@code $KHO_STATE_PASSWORD} — never from the command line.
 */
public final class StateAccess {
  /** The name of the systemd credential holding the state database's password. */
  public static final String CREDENTIAL = "kho-state-password";

  private final Map<String, String> env;
  private final Clock clock;

  public StateAccess(Map<String, String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  /** What the command line said; each may be absent. */
  public record Options(Optional<String> url, Optional<Path> directory) {
    public static final Options DEFAULT = new Options(Optional.empty(), Optional.empty());
  }

  /** Where the state of {@code configDir} (null when none is given: then a state option must say) is. */
  public StateLocation locate(Path configDir, Options options) {
    Path dir = options.directory().or(() -> setting("KHO_STATE_DIR").map(Path::of))
        .orElseGet(() -> defaultDirectory(configDir));
    Optional<String> url = options.url().or(() -> setting("KHO_STATE_URL"));
    if (url.isEmpty()) {
      return StateLocation.embedded(dir);
    }
    if (url.get().contains("password=")) {
      throw new UsageException("the state database URL carries a password",
          "remove it from the URL and put it in a file named by $KHO_STATE_PASSWORD_FILE");
    }
    try {
      return new StateLocation(url.get(), setting("KHO_STATE_USER").orElse("kho"), password(), dir);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), "give jdbc:postgresql://HOST:PORT/DATABASE, or nothing for the embedded database");
    }
  }

  private static Path defaultDirectory(Path configDir) {
    if (configDir == null) {
      throw new UsageException("no state directory and no config directory given",
          "pass --config DIR (its state/ folder), --state-dir DIR or --state-url URL");
    }
    return configDir.resolve("state");
  }

  /** Opens the state of {@code configDir}, with a pool of at most {@code connections}. */
  public StateStore open(Path configDir, Options options, int connections) {
    return StateStore.open(locate(configDir, options), connections, clock);
  }

  private Optional<String> password() {
    Secrets secrets = new Secrets(env);
    Optional<String> credentials = setting("CREDENTIALS_DIRECTORY");
    if (setting("KHO_STATE_PASSWORD_FILE").isPresent()) {
      return Optional.of(secrets.read(new SecretRef.FromFile(Path.of(env.get("KHO_STATE_PASSWORD_FILE")))));
    }
    if (credentials.isPresent() && Files.exists(Path.of(credentials.get(), CREDENTIAL))) {
      return Optional.of(secrets.read(new SecretRef.FromSystemdCredential(CREDENTIAL)));
    }
    if (setting("KHO_STATE_PASSWORD").isPresent()) {
      return Optional.of(secrets.read(new SecretRef.FromEnvironment("KHO_STATE_PASSWORD")));
    }
    return Optional.empty();
  }

  private Optional<String> setting(String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
  }
}
