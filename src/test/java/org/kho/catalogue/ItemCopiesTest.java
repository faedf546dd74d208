package org.kho.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.core.ItemId;

/** Copies, kinds of media and offsite copies per item, against the policy table (3-2-1 at levels 4 and 5). */
class ItemCopiesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T05:00:00Z"), ZoneOffset.UTC);
  private static final String EXTRA_TARGETS = """
      targets:
        - {id: nas-1, description: NAS one, path: /mnt/nas1, media: nas}
        - {id: nas-2, description: NAS two, path: /mnt/nas2, media: nas}
        - {id: nas-3, description: NAS three, path: /mnt/nas3, media: nas}
      """;

  @TempDir
  Path config;

  private CatalogueLoader.Result load(String... edits) throws IOException {
    return ExampleConfig.load(config, CLOCK, edits);
  }

  /** hr-db at security level 4 on three NAS targets, with {@code waivers} (YAML) if given. */
  private CatalogueLoader.Result hrDbOnThreeNasTargets(String waivers) throws IOException {
    return load("targets:\n  - id: usb-disk", EXTRA_TARGETS + "  - id: usb-disk",
        "    securityLevel: 3\n    sources:\n      # The command's", "    securityLevel: 4\n" + waivers
            + "    sources:\n      # The command's",
        "    targets: [usb-disk, datacentre]\n    schedule: nightly\n    retention: {last: 3",
        "    targets: [nas-1, nas-2, nas-3]\n    schedule: nightly\n    retention: {last: 3");
  }

  private static ItemCopies copiesOf(CatalogueLoader.Result result, String item) {
    Catalogue c = result.catalogue().orElseThrow();
    return ItemCopies.of(c, c.item(new ItemId(item)).orElseThrow());
  }

  @Test
  void theExampleItemsMeetTheirLevelsWithTwoKindsOfMediaAndOneOffsiteCopy() throws IOException {
    ItemCopies hr = copiesOf(load(), "hr-db");
    assertThat(hr.copies()).isEqualTo(2);
    assertThat(hr.media()).isEqualTo(2);
    assertThat(hr.offsite()).isEqualTo(1);
    assertThat(hr.shortOf()).isEmpty();
    assertThat(hr.meetsPolicy()).isTrue();
  }

  @Test
  void threeCopiesOnOneKindOfMediaWithNoneOffsiteBreakThe321RuleAtLevel4() throws IOException {
    CatalogueLoader.Result result = hrDbOnThreeNasTargets("");
    assertThat(result.errors()).extracting(Problem::message)
        .anyMatch(m -> m.contains("on 1 kind(s) of media") && m.contains("[backup.media]"))
        .anyMatch(m -> m.contains("[backup.offsite-copies]"))
        .noneMatch(m -> m.contains("[backup.copies]"));
  }

  @Test
  void waivedShortfallsAreAcceptedButStillShown() throws IOException {
    CatalogueLoader.Result result = hrDbOnThreeNasTargets("    waivers: {backup.media: \"approved 12/QD\", "
        + "backup.offsite-copies: \"approved 12/QD\"}\n");
    assertThat(result.errors()).isEmpty();
    ItemCopies hr = copiesOf(result, "hr-db");
    assertThat(hr.shortOf()).containsExactly(PolicyRule.MEDIA, PolicyRule.OFFSITE_COPIES);
    assertThat(hr.meetsPolicy()).isTrue();
  }
}
