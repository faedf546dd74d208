/**
 * {@code kho daemon}: runs every catalogue action on its schedule with Quartz (the only package
 * that uses the scheduler), keeps the run history and audit log, limits concurrent runs per target,
 * reloads on SIGHUP or {@code kho reload}, stops cleanly on SIGTERM, and in clustered mode shares
 * one PostgreSQL job store with other daemons so that each action runs once and a dead daemon's
 * work is picked up.
 *
 * <p>Jobs are thin: {@link org.kho.daemon.ActionJob} looks up the action's runner in
 * {@link org.kho.daemon.Runners} (one per kind of catalogue action, each calling one {@code app}
 * service) and records what happened.
 */
package org.kho.daemon;
