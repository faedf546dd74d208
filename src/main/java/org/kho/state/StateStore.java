package org.kho.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.kho.core.KhoException;

/**
 * The open state database: its schema brought up to date on opening, and the three records kept
 * in it. Thread-safe; close it once, when the process ends.
 */
public final class StateStore implements AutoCloseable {
  private static final String PASSWORD_FILE = "db.password";

  private final StateLocation location;
  private final HikariDataSource pool;
  private final RunHistory runs;
  private final AuditLog audit;
  private final EvidenceIndex evidence;

  private StateStore(StateLocation location, HikariDataSource pool, Clock clock) {
    this.location = location;
    this.pool = pool;
    this.runs = new RunHistory(pool, clock);
    this.audit = new AuditLog(pool, clock);
    this.evidence = new EvidenceIndex(pool, clock);
  }

  /**
   * Opens the database at {@code location} with a pool of at most {@code connections} and applies
   * any migration it lacks (several processes may do this at once: the migrations take a lock).
   */
  public static StateStore open(StateLocation location, int connections, Clock clock) {
    StateLocation effective = location.shared() ? location : withLocalPassword(location);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(effective.url());
    config.setUsername(effective.user());
    effective.password().ifPresent(config::setPassword);
    config.setMaximumPoolSize(Math.max(2, connections));
    config.setMinimumIdle(1);
    config.setPoolName("kho-state");
    config.setInitializationFailTimeout(-1);
    HikariDataSource pool = new HikariDataSource(config);
    try {
      migrate(pool);
      return new StateStore(effective, pool, clock);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static void migrate(DataSource pool) {
    try (Connection c = pool.getConnection()) {
      c.isValid(5);
    } catch (SQLException e) {
      throw new KhoException("cannot reach the state database (" + e.getMessage() + ")",
          "check the state database URL, user and password, and that the database server is running", e);
    }
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:org/kho/state/migration")
          .javaMigrations(new QuartzTables())
          .table("kho_schema_history")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new KhoException("cannot bring the state database schema up to date: " + e.getMessage(),
          "check that the state database user may create tables; a database made by a newer Kho needs that version", e);
    }
  }

  /**
   * The embedded database is protected by a random password kept in the state directory (readable
   * by the Kho user only), since H2's automatic server lets other processes connect to it.
   */
  private static StateLocation withLocalPassword(StateLocation location) {
    System.setProperty("h2.bindAddress", "127.0.0.1");
    Path file = location.directory().resolve(PASSWORD_FILE);
    try {
      Files.createDirectories(location.directory());
      if (!Files.exists(file)) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        Path temp = Files.createTempFile(location.directory(), PASSWORD_FILE, ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, HexFormat.of().formatHex(random));
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      String password = Files.readString(file).strip();
      return new StateLocation(location.url(), location.user(), Optional.of(password), location.directory());
    } catch (IOException e) {
      throw new KhoException("cannot prepare the state directory " + location.directory() + " ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
          "create it and let the Kho user write to it, or give another with --state-dir", e);
    }
  }

  public StateLocation location() {
    return location;
  }

  /** The pool, for the daemon's job store, which keeps its tables in the same database. */
  public DataSource dataSource() {
    return pool;
  }

  public RunHistory runs() {
    return runs;
  }

  public AuditLog audit() {
    return audit;
  }

  public EvidenceIndex evidence() {
    return evidence;
  }

  @Override
  public void close() {
    pool.close();
  }

  /** Wraps a JDBC failure in one that says which record could not be read or written. */
  static KhoException failure(String what, SQLException e) {
    return new KhoException("cannot " + what + " in the state database (" + e.getMessage() + ")",
        "check that the state database is reachable and not full", e);
  }
}
