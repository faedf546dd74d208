package org.kho.drill;

import java.nio.file.Path;
import java.util.Map;
import org.kho.catalogue.VerifyStep;

/**
 * Runs one verification step of a drill plan against restored data. Contract: never throws for a
 * step that fails, cannot start or runs out of time: that is a result with {@code passed == false}
 * and the reason in its output; the output is the tail of what the step printed (stdout and
 * stderr), at most {@link DrillStatement#OUTPUT_LIMIT} characters, with every secret blanked.
 */
@FunctionalInterface
public interface StepRunner {
  /**
   * @param restored the folder holding the item's restored data
   * @param env variables for the step ({@code KHO_RESTORED}, {@code KHO_DRILL_PLAN}, {@code KHO_DRILL_ITEM})
   */
  DrillStatement.Command run(VerifyStep step, Path restored, Map<String, String> env);
}
