package org.kho.daemon;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.kho.catalogue.Catalogue;
import org.kho.plan.Planner;
import org.kho.plan.ScheduledAction;
import org.kho.state.StateStore;

/**
 * What every job needs: the catalogue in force (replaced on reload; a running job keeps the one it
 * started with), the state, the runners, the per-target limits, who to tell, and the runs found
 * missed at start-up (by action key: when each was due), which the first firing of each catches up.
 */
record JobContext(AtomicReference<Catalogue> catalogue, StateStore state, Runners runners, TargetLimits limits,
    RunListener listener, String node, Instant startedAt, Clock clock, Map<String, Instant> missed) {

  /** Who the audit log names for the daemon's own actions. */
  String actor() {
    return "daemon@" + node + " (" + System.getProperty("user.name") + ")";
  }

  /** The action named {@code key} in the catalogue in force, if it is still there. */
  Optional<ScheduledAction> action(String key) {
    return new Planner(catalogue.get()).actions().stream().filter(a -> a.key().equals(key)).findFirst();
  }
}
