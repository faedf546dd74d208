package org.kho.plan;

import java.util.List;
import java.util.Optional;
import org.kho.catalogue.DrillPlan;
import org.kho.catalogue.Item;
import org.kho.core.TargetId;
import org.kho.core.UsageException;

/**
 * Which copies of an item a drill restores from. Separate storage is what the regulation asks
 * for, so every copy must be proven over time: a plan may restore from any of the item's targets
 * (its {@code targets:}, default all of them, in the item's order), and either rotates through
 * them, one per drill ({@code targetMode: rotate}, the default: each drill costs one restore per
 * item, and a cycle of drills proves every copy), or restores every one of them on every drill
 * ({@code targetMode: each}).
 */
public final class DrillTargets {
  private DrillTargets() {}

  /**
   * The targets the next drill of {@code plan} restores {@code item} from.
   *
   * @param last the target the plan's previous drill restored the item from, when known
   * @throws UsageException when the plan allows none of the item's targets
   */
  public static List<TargetId> choose(DrillPlan plan, Item item, Optional<TargetId> last) {
    List<TargetId> allowed = plan.targetsOf(item);
    if (allowed.isEmpty()) {
      throw new UsageException("drill plan '" + plan.id() + "' restores only from targets " + names(plan.targets())
          + ", and item '" + item.id() + "' is kept on none of them (its targets: " + names(item.targets()) + ")",
          "list one of the item's targets under targets: in restore-drills/" + plan.id() + ".yaml, or write targets: all");
    }
    if (plan.targetMode() == DrillPlan.TargetMode.EACH) {
      return allowed;
    }
    int previous = last.map(allowed::indexOf).orElse(-1);
    return List.of(allowed.get((previous + 1) % allowed.size()));
  }

  private static List<String> names(List<TargetId> ids) {
    return ids.stream().map(TargetId::value).toList();
  }
}
