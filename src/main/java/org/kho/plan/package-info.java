/**
 * Pure decisions from a catalogue and a {@link java.time.Clock}'s instant: which actions fall due
 * when. No I/O; the same inputs always give the same plan.
 *
 * <p>{@link org.kho.plan.Planner} lists every scheduled action (backup, check, prune, drill, log
 * archive) in a window, from the schedules' cron rules evaluated in their own time zones.
 * {@link org.kho.plan.RetentionPlanner} decides which snapshots a retention keeps and why (restic's
 * policy, plus legal holds, the newest drill-passed snapshot and the policy table's minimum).
 * {@link org.kho.plan.DrillTargets} picks the copies (targets) a restore drill reads from.
 */
package org.kho.plan;
