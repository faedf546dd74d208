/**
 * External commands Kho runs for the user: a dump whose output is backed up, a restore command fed
 * from a snapshot, pre/post hooks. A command is a list of words run directly (a shell only when the
 * user asked for one), with a time limit, stdin from {@code /dev/null} unless Kho feeds it, and an
 * environment from which Kho's own {@code KHO_*} variables are removed. Its exit status is always
 * checked; a failure names the command, how it ended and the tail of its stderr, with the values of
 * secret variables blanked out.
 *
 * <p>Imports {@code core} only.
 */
package org.kho.command;
