package org.kho.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.CatalogueLoader;

class PlannerTest {
  private static final Instant NOW = Instant.parse("2026-11-21T05:00:00Z");

  @TempDir
  Path dir;

  private Catalogue catalogue;

  @BeforeEach
  void writeConfig() throws IOException {
    Files.createDirectories(dir.resolve("schedules"));
    Files.createDirectories(dir.resolve("restore-drills"));
    Files.writeString(dir.resolve("schedules/nightly.yaml"), "when: daily at 22:00\n");
    Files.writeString(dir.resolve("schedules/utc-monthly.yaml"), "cron: \"0 0 1 * *\"\ntimeZone: UTC\n");
    Files.writeString(dir.resolve("restore-drills/drill.yaml"), """
        items: [files]
        schedule: utc-monthly
        scratch: /var/tmp/drill
        """);
    Files.writeString(dir.resolve("catalogue.yaml"), """
        agency: {name: Test agency}
        targets:
          - {id: disk, path: /mnt/backup, check: {schedule: utc-monthly}}
        items:
          - id: files
            name: Files
            owner: IT
            securityLevel: 1
            sources: [{path: /srv/files}]
            targets: [disk]
            schedule: nightly
            retention: {daily: 7}
        logs:
          - id: syslog
            name: System log
            securityLevel: 1
            paths: [/var/log/syslog*]
            targets: [disk]
            schedule: utc-monthly
        """);
    CatalogueLoader.Result result = new CatalogueLoader(Clock.fixed(NOW, ZoneOffset.UTC)).load(dir);
    assertThat(result.errors()).isEmpty();
    catalogue = result.catalogue().orElseThrow();
  }

  @Test
  void actionsComeInTimeOrderAcrossTimeZones() {
    List<PlannedAction> plan = new Planner(catalogue).between(NOW, NOW.plus(Duration.ofDays(12)));
    assertThat(plan).extracting(a -> a.at().toInstant().toString() + " " + a.kind().label() + " " + a.subject())
        .startsWith("2026-11-21T15:00:00Z backup files", "2026-11-22T15:00:00Z backup files")
        .contains("2026-12-01T00:00:00Z check disk", "2026-12-01T00:00:00Z drill drill",
            "2026-12-01T00:00:00Z log-archive syslog")
        .hasSize(12 + 3);
    assertThat(plan).isSortedAccordingTo((a, b) -> a.at().toInstant().compareTo(b.at().toInstant()));
  }

  @Test
  void theWindowIsExclusiveOfItsStartAndInclusiveOfItsEnd() {
    Instant tenPm = Instant.parse("2026-11-21T15:00:00Z");
    assertThat(new Planner(catalogue).between(tenPm, tenPm.plus(Duration.ofDays(1))))
        .extracting(a -> a.at().toInstant()).containsExactly(tenPm.plus(Duration.ofDays(1)));
  }

  @Test
  void drillsPlanOnTheTargetsOfTheirItems() {
    PlannedAction drill = new Planner(catalogue).between(NOW, NOW.plus(Duration.ofDays(12))).stream()
        .filter(a -> a.kind() == PlannedAction.Kind.DRILL).findFirst().orElseThrow();
    assertThat(drill.targets()).extracting(Object::toString).containsExactly("disk");
  }
}
