package org.kho.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.CatalogueLoader;
import org.kho.catalogue.InvalidConfigException;
import org.kho.catalogue.ItemCopies;
import org.kho.catalogue.Problem;
import org.kho.core.UsageException;
import org.kho.plan.PlannedAction;
import org.kho.plan.Planner;

/** Checks, shows and plans a config directory ({@code kho catalogue ...}, {@code kho plan}). */
public final class CatalogueService {
  /** The longest window {@code kho plan} accepts. */
  public static final int MAX_PLAN_DAYS = 3660;

  private final Clock clock;

  public CatalogueService(Clock clock) {
    this.clock = clock;
  }

  /** Every problem of the directory; the catalogue is present when there is no error. */
  public CatalogueLoader.Result check(Path dir) {
    return new CatalogueLoader(clock).load(dir);
  }

  /** The checked catalogue, or {@link InvalidConfigException} listing every error. */
  public Catalogue load(Path dir) {
    CatalogueLoader.Result result = check(dir);
    return result.catalogue().orElseThrow(() -> new InvalidConfigException(result.problems()));
  }

  /**
   * Each item's copies (targets, kinds of media, copies away from the machine) against the policy
   * table's minimums for its security level; for {@code kho catalogue check} and {@code kho status}.
   */
  public List<ItemCopies> copiesPerItem(Catalogue catalogue) {
    return catalogue.items().stream().map(item -> ItemCopies.of(catalogue, item)).toList();
  }

  /** What a plan shows: the window, its actions, and the warnings of the catalogue. */
  public record PlanResult(Instant from, Instant to, List<PlannedAction> actions, List<Problem> warnings) {}

  /** Every action due in the next {@code days} days. */
  public PlanResult plan(Path dir, int days) {
    if (days < 1 || days > MAX_PLAN_DAYS) {
      throw new UsageException("--days " + days + " is out of range", "give a number of days from 1 to " + MAX_PLAN_DAYS);
    }
    CatalogueLoader.Result result = check(dir);
    Catalogue catalogue = result.catalogue().orElseThrow(() -> new InvalidConfigException(result.problems()));
    Instant from = clock.instant();
    Instant to = from.plus(Duration.ofDays(days));
    return new PlanResult(from, to, new Planner(catalogue).between(from, to), result.problems());
  }
}
