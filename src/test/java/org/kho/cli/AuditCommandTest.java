package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.state.StateLocation;
import org.kho.state.StateStore;

/** {@code kho audit verify} and {@code kho audit log} on the embedded state of a config directory. */
class AuditCommandTest {
  @TempDir
  Path config;

  @Test
  void verifyPassesAnUntouchedLogAndReportsAnEditedEntryByPositionWithItsExitCode() throws Exception {
    try (StateStore store = StateStore.open(StateLocation.embedded(config.resolve("state")), 2, Clock.systemUTC())) {
      for (int i = 1; i <= 4; i++) {
        store.audit().append("cli:alice", "backup", "item" + i, "snapshot " + i);
      }
    }
    CliTest.Run ok = CliTest.kho("audit", "verify", "--config", config.toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("audit log intact: 4 entries");
    CliTest.Run log = CliTest.kho("audit", "log", "--config", config.toString(), "--last", "2");
    assertThat(log.out()).contains("item4", "item3").doesNotContain("item2");

    try (StateStore store = StateStore.open(StateLocation.embedded(config.resolve("state")), 2, Clock.systemUTC());
        Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE kho_audit SET detail = 'nothing happened' WHERE seq = 2");
    }
    CliTest.Run broken = CliTest.kho("audit", "verify", "--config", config.toString());
    assertThat(broken.code()).isEqualTo(ExitCodes.AUDIT_BROKEN);
    assertThat(broken.out()).contains("audit log BROKEN", "at entry 2: entry 2 was changed after it was written");
  }
}
