/**
 * Pure decisions from a catalogue and a {@link java.time.Clock}'s instant: which actions fall due
 * when. No I/O; the same inputs always give the same plan.
 *
 * <p>{@link org.kho.plan.Planner} lists every scheduled action (backup, check, prune, drill, log
 * archive) in a window, from the schedules' cron rules evaluated in their own time zones.
 */
package org.kho.plan;
