/**
 * The catalogue: a config directory turned into validated, immutable records.
 *
 * <p>Nouns: an {@link org.kho.catalogue.Item} is a data set or application to back up; a
 * {@link org.kho.catalogue.Target} is storage holding a repository; a
 * {@link org.kho.catalogue.Schedule} says when (a {@link org.kho.catalogue.CronRule} in a time
 * zone); a {@link org.kho.catalogue.DrillPlan} is a restore drill; a
 * {@link org.kho.catalogue.LogSource} is log files archived by month; the
 * {@link org.kho.catalogue.PolicyTable} holds the regulation minimums per security level.
 *
 * <p>Reading happens in three steps: Jackson binds each YAML file into a {@code *Spec} record
 * (the file's shape, every field optional) while a source map remembers where each value stood;
 * the {@code *Rules} classes check the specs and build the domain records; then
 * {@code ComplianceRules} holds the result to the policy table. Every problem found on the way
 * becomes a {@link org.kho.catalogue.Problem} with file, line and column, so one run of
 * {@code kho catalogue check} reports them all.
 */
package org.kho.catalogue;
