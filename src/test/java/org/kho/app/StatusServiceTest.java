package org.kho.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.catalogue.Catalogue;
import org.kho.state.Run;
import org.kho.state.StateLocation;
import org.kho.state.StateStore;

/** kho status's verdicts from a real (embedded) history and a fixed clock. */
class StatusServiceTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  @TempDir
  Path dir;

  private Catalogue catalogue() throws Exception {
    Files.createDirectories(dir.resolve("schedules"));
    Files.writeString(dir.resolve("schedules/nightly.yaml"), "when: daily at 22:00\ntimeZone: UTC\n");
    StringBuilder yaml = new StringBuilder("agency: {name: A}\ntargets:\n  - {id: disk, path: /mnt/b}\n"
        + "  - {id: nas, path: /mnt/n}\nitems:\n");
    for (String id : new String[] {"fresh", "stale", "broken", "never"}) {
      yaml.append("""
            - id: %s
              name: %s
              owner: IT
              securityLevel: 1
              sources: [{path: /srv/%s}]
              targets: [disk, nas]
              schedule: nightly
              retention: {daily: 7}
              waivers: {drill.frequency: "test"}
          """.formatted(id, id, id));
    }
    Files.writeString(dir.resolve("catalogue.yaml"), yaml);
    return new CatalogueService(Clock.fixed(NOW, ZoneOffset.UTC)).load(dir);
  }

  private static void run(StateStore store, Clock unused, String item, Run.Outcome outcome) {
    long id = store.runs().start(new Run.Start("backup", item, Run.Cause.SCHEDULED, Optional.empty(), "n"));
    store.runs().finish(id, new Run.End(outcome, Run.Figures.NONE, "", outcome == Run.Outcome.FAILED ? "disk gone" : ""));
  }

  @Test
  void overdueFailingAndFreshItemsAreToldApart() throws Exception {
    Catalogue catalogue = catalogue();
    Clock yesterday = Clock.fixed(Instant.parse("2026-11-20T22:00:00Z"), ZoneOffset.UTC);
    Clock lastWeek = Clock.fixed(Instant.parse("2026-11-14T22:00:00Z"), ZoneOffset.UTC);
    try (StateStore old = StateStore.open(StateLocation.embedded(dir.resolve("state")), 2, lastWeek)) {
      run(old, lastWeek, "stale", Run.Outcome.SUCCEEDED);
    }
    try (StateStore store = StateStore.open(StateLocation.embedded(dir.resolve("state")), 2, yesterday)) {
      run(store, yesterday, "fresh", Run.Outcome.SUCCEEDED);
      run(store, yesterday, "broken", Run.Outcome.SUCCEEDED);
      run(store, yesterday, "broken", Run.Outcome.FAILED);
      StatusService.Report report = new StatusService(Clock.fixed(NOW, ZoneOffset.UTC)).status(catalogue, store);
      assertThat(report.items()).extracting(StatusService.ItemStatus::item, StatusService.ItemStatus::overdue,
          StatusService.ItemStatus::failing).containsExactly(
              org.assertj.core.groups.Tuple.tuple("fresh", false, false),
              org.assertj.core.groups.Tuple.tuple("stale", true, false),
              org.assertj.core.groups.Tuple.tuple("broken", false, true),
              org.assertj.core.groups.Tuple.tuple("never", true, false));
      StatusService.ItemStatus fresh = report.items().getFirst();
      assertThat(fresh.nextRun().orElseThrow().toInstant()).isEqualTo(Instant.parse("2026-11-21T22:00:00Z"));
      assertThat(fresh.copies()).isEqualTo(2);
      assertThat(fresh.lastDrill()).isEmpty();
      assertThat(report.needsAttention()).isTrue();
    }
  }
}
