package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.testing.TestPostgres;

/**
 * Clustered mode: two daemon processes share one real PostgreSQL database. The one running a
 * backup is killed with SIGKILL in the middle of it; the other picks the backup up and completes
 * it, and no scheduled run ever completes twice.
 */
class ClusterIT {
  private static final int MiB = 1 << 20;

  @TempDir
  Path tmp;

  record Row(long id, String node, String cause, String outcome, Instant scheduledFor, Instant started,
      Instant finished) {}

  @Test
  void eachActionRunsOnceAndAKilledDaemonsBackupIsCompletedByTheOther() throws Exception {
    Path config = DaemonIT.config(tmp, "every 20 seconds");
    bigFile(tmp.resolve("data/big.bin"), 160 * MiB);
    try (TestPostgres pg = TestPostgres.start()) {
      pg.createDatabase("kho");
      String url = pg.jdbcUrl("kho");
      Process a = daemon(config, url, "alpha");
      Process b = daemon(config, url, "beta");
      try {
        DaemonIT.waitFor(() -> !rows(url, "outcome = 'RUNNING'").isEmpty(), a);
        Row victim = rows(url, "outcome = 'RUNNING'").getFirst();
        Process killed = victim.node().equals("alpha") ? a : b;
        Process survivor = killed == a ? b : a;
        Thread.sleep(300);
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();

        DaemonIT.waitFor(() -> !rows(url, "cause = 'RECOVERY' AND outcome = 'SUCCEEDED'").isEmpty(), survivor);
        Row recovered = rows(url, "cause = 'RECOVERY' AND outcome = 'SUCCEEDED'").getFirst();
        assertThat(recovered.node()).isNotEqualTo(victim.node());
        assertThat(recovered.scheduledFor()).as("the killed run's due time").isEqualTo(victim.scheduledFor());
        Row dead = rows(url, "id = " + victim.id()).getFirst();
        assertThat(dead.outcome()).isEqualTo("INTERRUPTED");

        DaemonIT.waitFor(() -> rows(url, "outcome = 'SUCCEEDED'").size() >= 3, survivor);
        survivor.destroy();
        assertThat(survivor.waitFor(60, TimeUnit.SECONDS)).isTrue();
      } catch (AssertionError | Exception e) {
        for (String node : List.of("alpha", "beta")) {
          System.out.println("---- " + node + " ----\n" + Files.readString(tmp.resolve(node + ".log")));
        }
        throw e;
      } finally {
        a.destroyForcibly();
        b.destroyForcibly();
        a.waitFor();
        b.waitFor();
      }
      List<Row> all = rows(url, "TRUE");
      Map<Instant, List<Row>> byDue = all.stream().filter(r -> !r.outcome().equals("INTERRUPTED"))
          .collect(Collectors.groupingBy(Row::scheduledFor));
      byDue.forEach((due, runs) -> assertThat(runs).as("runs due at %s: %s", due, all).hasSize(1));
      List<Row> ordered = all.stream().sorted((x, y) -> x.started().compareTo(y.started())).toList();
      for (int i = 1; i < ordered.size(); i++) {
        assertThat(ordered.get(i).started()).as("runs of one item never overlap: %s", ordered)
            .isAfterOrEqualTo(ordered.get(i - 1).finished());
      }
    }
  }

  private Process daemon(Path config, String url, String node) throws IOException {
    return Kho.process(Map.of(), List.of(), "daemon", "--config", config.toString(), "--state-url", url,
            "--state-dir", tmp.resolve("state-" + node).toString(), "--node", node)
        .redirectErrorStream(true).redirectOutput(tmp.resolve(node + ".log").toFile()).start();
  }

  private static List<Row> rows(String url, String where) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, TestPostgres.USER, "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT id, node, cause, outcome, scheduled_for, started_at, finished_at "
            + "FROM kho_run WHERE action = 'backup' AND " + where + " ORDER BY id")) {
      List<Row> rows = new ArrayList<>();
      while (r.next()) {
        OffsetDateTime finished = r.getObject("finished_at", OffsetDateTime.class);
        rows.add(new Row(r.getLong("id"), r.getString("node"), r.getString("cause"), r.getString("outcome"),
            r.getObject("scheduled_for", OffsetDateTime.class).toInstant(),
            r.getObject("started_at", OffsetDateTime.class).toInstant(),
            finished == null ? Instant.MAX : finished.toInstant()));
      }
      return rows;
    } catch (SQLException e) {
      if (e.getMessage().contains("kho_run")) {
        return List.of();
      }
      throw e;
    }
  }

  private static void bigFile(Path file, int size) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    byte[] block = new byte[MiB];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int written = 0; written < size; written += block.length) {
        for (int i = 0; i < block.length; i += 8) {
          long v = random.nextLong();
          for (int j = 0; j < 8; j++) {
            block[i + j] = (byte) (v >>> (8 * j));
          }
        }
        out.write(block);
      }
    }
  }
}
