/**
 * Restore drills: the proof that backups restore. {@link org.kho.drill.RestoreDrill} chooses a
 * snapshot per item (latest, random, oldest kept), restores a rolling slice of its files
 * ({@link org.kho.drill.Slice}) into a scratch folder it refuses to share with any source or
 * target ({@link org.kho.drill.Scratch}), compares every restored file's content and metadata with
 * the snapshot record, runs the plan's verification steps through a {@link org.kho.drill.StepRunner},
 * measures RTO and RPO, always empties the scratch folder, and returns the {@code kho.drill.v1}
 * statement ({@link org.kho.drill.DrillStatement}) that the caller signs and stores. Never prints:
 * it reports through {@link org.kho.drill.DrillProgress}.
 *
 * <p>Imports {@code restore}, {@code repository}, {@code catalogue} and {@code core}; running
 * commands and databases is the caller's (the {@code StepRunner} it is given).
 */
package org.kho.drill;
