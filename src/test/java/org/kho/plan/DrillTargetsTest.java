package org.kho.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kho.catalogue.DrillPlan;
import org.kho.catalogue.Hooks;
import org.kho.catalogue.Item;
import org.kho.catalogue.Retention;
import org.kho.core.DrillPlanId;
import org.kho.core.ItemId;
import org.kho.core.ScheduleId;
import org.kho.core.TargetId;
import org.kho.core.UsageException;

class DrillTargetsTest {
  private static final TargetId USB = new TargetId("usb");
  private static final TargetId NAS = new TargetId("nas");
  private static final TargetId SFTP = new TargetId("sftp");
  private static final Item DOCS = new Item(new ItemId("docs"), "Docs", "", "Office", 2, List.of(), Hooks.NONE,
      List.of(USB, NAS, SFTP), Optional.empty(), new Retention(0, 0, 7, 0, 0, 0, Optional.empty(), List.of()),
      Item.BackupMethod.INCREMENTAL, Optional.empty(),
      Optional.empty(), Optional.empty(), Map.of(), Optional.empty());

  private static DrillPlan plan(List<TargetId> targets, DrillPlan.TargetMode mode) {
    return new DrillPlan(new DrillPlanId("p"), "", List.of(DOCS.id()), new ScheduleId("monthly"),
        DrillPlan.SnapshotChoice.LATEST, 100, List.of(), Path.of("/scratch"), List.of(), Optional.empty(),
        Optional.empty(), targets, mode);
  }

  @Test
  void byDefaultEachDrillTakesTheNextOfTheItemsTargetsAndWrapsAround() {
    DrillPlan plan = plan(List.of(), DrillPlan.TargetMode.ROTATE);
    List<TargetId> taken = new ArrayList<>();
    Optional<TargetId> last = Optional.empty();
    for (int i = 0; i < 4; i++) {
      TargetId t = DrillTargets.choose(plan, DOCS, last).getFirst();
      taken.add(t);
      last = Optional.of(t);
    }
    assertThat(taken).containsExactly(USB, NAS, SFTP, USB);
  }

  @Test
  void aTargetNoLongerAllowedStartsTheTurnAgain() {
    DrillPlan plan = plan(List.of(NAS, SFTP), DrillPlan.TargetMode.ROTATE);

    assertThat(DrillTargets.choose(plan, DOCS, Optional.of(USB))).containsExactly(NAS);
    assertThat(DrillTargets.choose(plan, DOCS, Optional.of(NAS))).containsExactly(SFTP);
    assertThat(DrillTargets.choose(plan, DOCS, Optional.empty())).containsExactly(NAS);
  }

  @Test
  void eachRestoresFromEveryAllowedTargetInTheItemsOrder() {
    assertThat(DrillTargets.choose(plan(List.of(SFTP, USB), DrillPlan.TargetMode.EACH), DOCS, Optional.of(USB)))
        .containsExactly(USB, SFTP);
  }

  @Test
  void aPlanAllowingNoneOfTheItemsTargetsSaysWhatToDo() {
    DrillPlan plan = plan(List.of(new TargetId("tape")), DrillPlan.TargetMode.ROTATE);

    assertThatThrownBy(() -> DrillTargets.choose(plan, DOCS, Optional.empty())).isInstanceOf(UsageException.class)
        .hasMessageContaining("item 'docs' is kept on none of them (its targets: [usb, nas, sftp])");
  }
}
