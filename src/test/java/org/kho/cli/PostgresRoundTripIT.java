package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.testing.TestPostgres;

/**
 * A real PostgreSQL database backed up through the packaged CLI with {@code pg_dump -Fc} as a
 * catalogue source, dropped, and brought back from Kho with {@code --to-command pg_restore}.
 */
class PostgresRoundTripIT {
  private static final String ROWS = "SELECT count(*) || ' ' || sum(id) || ' ' || md5(string_agg(name || ':' || salary, ',' "
      + "ORDER BY id)) FROM staff";
  private static TestPostgres pg;

  @TempDir
  Path tmp;
  Path config;
  Path repo;
  Path password;

  @BeforeAll
  static void startPostgres() throws Exception {
    pg = TestPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    config = tmp.resolve("cfg");
    assertThat(Kho.run(Map.of(), "init", config.toString()).code()).isZero();
    try (var drills = Files.list(config.resolve("restore-drills"))) {
      for (Path p : drills.toList()) {
        Files.delete(p); // the examples name items of the example catalogue
      }
    }
    repo = tmp.resolve("repo");
    Kho.cheapRepository(repo, "pw");
    password = Files.writeString(tmp.resolve("repo.pass"), "pw");
    Files.writeString(tmp.resolve("pg.pass"), "unused-with-trust-auth");
  }

  private void catalogue(String database) throws Exception {
    Files.writeString(config.resolve("catalogue.yaml"), """
        version: 1
        agency: {name: "Test agency", unit: "IT", contact: "it@example.gov.vn"}
        targets:
          - {id: disk, description: test disk, path: %s, media: external-disk, repositoryPassword: {file: %s}}
        items:
          - id: hr-db
            name: HR database
            owner: Personnel
            securityLevel: 2
            sources:
              - command: [%s, -Fc, --dbname=%s]
                name: hr.dump
                timeout: 10m
                env: {PGHOST: "%s", PGPORT: "%d", PGUSER: %s, PGPASSWORD: {file: %s}}
            hooks:
              post:
                - {name: mark, command: [touch, %s], timeout: 1m}
            targets: [disk]
            schedule: nightly
            retention: {daily: 7}
            waivers: {drill.frequency: "test catalogue"}
        """.formatted(repo, password, pg.binaries("pg_dump"), database, pg.host(), pg.port(), TestPostgres.USER,
        tmp.resolve("pg.pass"), tmp.resolve("post-hook-ran")));
  }

  private Kho.Run kho(Map<String, String> env, String... args) throws Exception {
    return Kho.run(env, args);
  }

  private JsonNode snapshots() throws Exception {
    Kho.Run run = kho(Map.of(), "snapshots", "--repo", repo.toString(), "--password-file", password.toString(), "--json");
    assertThat(run.code()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void databaseDumpedThroughTheCatalogueComesBackWithEveryRowAfterTheDatabaseIsDropped() throws Exception {
    pg.createDatabase("hr");
    pg.psql("hr", "CREATE TABLE staff(id int PRIMARY KEY, name text NOT NULL, salary numeric(12,2));"
        + "INSERT INTO staff SELECT i, 'Nguyễn Văn ' || i, i * 1000.5 FROM generate_series(1, 20000) i");
    String before = pg.psql("hr", ROWS);
    catalogue("hr");

    Kho.Run backup = kho(Map.of(), "backup", "--config", config.toString(), "--json");
    assertThat(backup.code()).as(backup.err() + backup.out()).isZero();
    assertThat(tmp.resolve("post-hook-ran")).exists();
    pg.psql("postgres", "DROP DATABASE hr");
    pg.createDatabase("restored");

    Map<String, String> env = new HashMap<>(pg.libpqEnvironment());
    Kho.Run restore = kho(env, "restore", "latest", "--repo", repo.toString(), "--password-file", password.toString(),
        "--include", "/hr.dump", "--to-command", pg.binaries("pg_restore") + " --no-owner --exit-on-error -d restored");
    assertThat(restore.code()).as(restore.err() + restore.out()).isZero();
    assertThat(restore.out()).contains("the command succeeded");
    assertThat(pg.psql("restored", ROWS)).isEqualTo(before).startsWith("20000 ");
  }

  @Test
  void dumpOfAMissingDatabaseFailsTheBackupAndLeavesNoSnapshot() throws Exception {
    catalogue("no_such_database");
    Kho.Run fromCatalogue = kho(Map.of(), "backup", "--config", config.toString());
    assertThat(fromCatalogue.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(fromCatalogue.out()).contains("hr-db -> disk: FAILED").contains("no_such_database")
        .doesNotContain("unused-with-trust-auth");
    assertThat(tmp.resolve("post-hook-ran")).as("post hooks run after a failure too").exists();

    Map<String, String> env = new HashMap<>(pg.libpqEnvironment());
    Kho.Run adHoc = kho(env, "backup", "--repo", repo.toString(), "--password-file", password.toString(),
        "--stdin-from-command", pg.binaries("pg_dump") + " -Fc no_such_database", "--stdin-name", "hr.dump");
    assertThat(adHoc.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(adHoc.err()).contains("exit status 1").contains("no_such_database").doesNotContain("\tat ");
    assertThat(snapshots()).isEmpty();
  }
}
