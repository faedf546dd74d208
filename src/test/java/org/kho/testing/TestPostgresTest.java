package org.kho.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestPostgresTest {
  @Test
  void startsARealServerThatAnswersQueriesAndRemovesItsClusterOnClose() throws Exception {
    java.nio.file.Path cluster;
    try (TestPostgres pg = TestPostgres.start()) {
      pg.createDatabase("drill");
      pg.psql("drill", "CREATE TABLE t(n int); INSERT INTO t SELECT generate_series(1, 10)");
      assertThat(pg.psql("drill", "SELECT sum(n) FROM t")).isEqualTo("55");
      assertThat(pg.binaries("pg_dump")).isExecutable();
      cluster = pg.directory();
      assertThat(cluster.resolve("data/PG_VERSION")).exists();
    }
    assertThat(cluster).doesNotExist();
  }
}
