package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.testing.TestPostgres;

/**
 * A drill of a database item on a real PostgreSQL server: the item's {@code pg_dump -Fc} source is
 * backed up, then the drill restores the dump into a throw-away database, queries it, and drops
 * it again, whether the check passes or fails.
 */
class DrillPostgresIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String THROW_AWAY = "SELECT count(*) FROM pg_database WHERE datname LIKE 'kho_drill_%'";
  private static TestPostgres pg;

  @TempDir
  Path tmp;
  private Path cfg;

  @BeforeAll
  static void startPostgres() throws Exception {
    pg = TestPostgres.start();
    pg.createDatabase("hr");
    pg.psql("hr", "CREATE TABLE staff(id int PRIMARY KEY, name text NOT NULL);"
        + "INSERT INTO staff SELECT i, 'Nguyễn Văn ' || i FROM generate_series(1, 500) i");
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    Path repo = tmp.resolve("repo");
    Kho.cheapRepository(repo, "pw");
    Path password = Files.writeString(tmp.resolve("repo.pass"), "pw");
    Files.writeString(tmp.resolve("pg.pass"), "unused-with-trust-auth");
    cfg = Kho.drillConfig(tmp);
    String env = "{PGHOST: \"%s\", PGPORT: \"%d\", PGUSER: %s, PGPASSWORD: {file: %s}}".formatted(pg.host(), pg.port(),
        TestPostgres.USER, tmp.resolve("pg.pass"));
    Files.writeString(cfg.resolve("catalogue.yaml"), """
        version: 1
        agency: {name: "Test agency", unit: "IT", contact: "it@example.gov.vn"}
        signingKey: {file: %s}
        targets:
          - {id: disk, description: test disk, path: %s, media: external-disk, repositoryPassword: {file: %s}}
        items:
          - id: hr-db
            name: HR database
            owner: Personnel
            securityLevel: 2
            sources:
              - command: [%s, -Fc, --dbname=hr]
                name: hr.dump
                timeout: 10m
                env: %s
            targets: [disk]
            schedule: nightly
            retention: {daily: 7}
        """.formatted(tmp.resolve("signing/signing.key"), repo, password, pg.binaries("pg_dump"), env));
    for (var plan : Map.of("database", 1, "too-few", 100_000).entrySet()) {
      Files.writeString(cfg.resolve("restore-drills/" + plan.getKey() + ".yaml"), """
          items: [hr-db]
          schedule: monthly
          scratch: %s
          verify:
            - name: the staff table is back
              postgres: {dump: hr.dump, query: "select count(*) from staff", atLeast: %d, bin: %s}
              env: %s
              timeout: 5m
          """.formatted(tmp.resolve("scratch"), plan.getValue(), pg.binaries("psql").getParent(), env));
    }
    Kho.Run backup = Kho.run(Map.of(), "backup", "--config", cfg.toString());
    assertThat(backup.code()).as(backup.out() + backup.err()).isZero();
  }

  @Test
  void theDumpIsRestoredIntoAThrowAwayDatabaseQueriedAndDropped() throws Exception {
    Kho.Run run = Kho.run(Map.of(), "drill", "run", "database", "--config", cfg.toString(), "--json");

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    JsonNode report = JSON.readTree(run.out()).get("report");
    assertThat(report.get("outcome").asText()).isEqualTo("PASSED");
    JsonNode step = report.get("commands").get(0);
    assertThat(step.get("passed").asBoolean()).isTrue();
    assertThat(step.get("output").asText()).contains("done: create the throw-away database kho_drill_")
        .contains("done: restore hr.dump into kho_drill_").contains("500").contains("is at least 1")
        .contains("done: drop the throw-away database").doesNotContain("unused-with-trust-auth");
    assertThat(String.join(" ", JSON.convertValue(step.get("command"), String[].class)))
        .doesNotContain("unused-with-trust-auth");
    assertThat(pg.psql("postgres", THROW_AWAY)).isEqualTo("0");
  }

  @Test
  void aQueryBelowItsMinimumFailsTheDrillAndTheDatabaseIsStillDropped() throws Exception {
    Kho.Run run = Kho.run(Map.of(), "drill", "run", "too-few", "--config", cfg.toString());

    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCodes.DRILL_FAILED);
    assertThat(run.out()).contains("step 'the staff table is back': FAILED").contains("500, is less than 100000");
    assertThat(pg.psql("postgres", THROW_AWAY)).isEqualTo("0");
  }
}
