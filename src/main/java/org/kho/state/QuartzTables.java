package org.kho.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 2: the tables of the daemon's Quartz job store, from the DDL scripts that ship inside
 * the Quartz jar (one per database), so that they always match the Quartz version in use. Loaded
 * by resource name: this package does not use Quartz itself.
 */
final class QuartzTables implements JavaMigration {
  private static final String SCRIPTS = "org/quartz/impl/jdbcjobstore/";

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("2");
  }

  @Override
  public String getDescription() {
    return "quartz job store";
  }

  @Override
  public Integer getChecksum() {
    return 2;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException, IOException {
    Connection c = context.getConnection();
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    String script = product.contains("postgres") ? "tables_postgres.sql" : "tables_h2.sql";
    try (Statement s = c.createStatement()) {
      for (String sql : statements(read(script))) {
        s.execute(sql);
      }
    }
  }

  /** The script's statements: comment lines dropped, split on semicolons, without its COMMIT. */
  static List<String> statements(String script) {
    String withoutComments = String.join("\n", script.lines().filter(l -> !l.strip().startsWith("--")).toList());
    return Stream.of(withoutComments.split(";"))
        .map(String::strip)
        .filter(sql -> !sql.isEmpty() && !sql.equalsIgnoreCase("COMMIT"))
        .toList();
  }

  private static String read(String script) throws IOException {
    try (InputStream in = QuartzTables.class.getClassLoader().getResourceAsStream(SCRIPTS + script)) {
      if (in == null) {
        throw new IOException("the Quartz jar on the class path has no " + SCRIPTS + script);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
