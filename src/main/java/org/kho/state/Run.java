package org.kho.state;

import java.time.Instant;
import java.util.Optional;

/**
 * One run of one action, as the history keeps it.
 *
 * @param action what ran ({@code backup}, {@code check}, ...)
 * @param subject what it ran on (an item, a target, ...)
 * @param scheduledFor when the schedule wanted it; empty for a run started by hand
 * @param node which daemon (or CLI process) ran it
 * @param detail a one-line summary (e.g. the snapshots written); may be empty
 * @param error what went wrong; empty unless the run failed or was incomplete
 */
public record Run(long id, String action, String subject, Cause cause, Optional<Instant> scheduledFor,
    Instant startedAt, Optional<Instant> finishedAt, Outcome outcome, String node, Figures figures,
    String detail, String error) {

  /** How a run ended; {@code RUNNING} while it has not. */
  public enum Outcome {
    RUNNING, SUCCEEDED, INCOMPLETE, FAILED, INTERRUPTED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Why a run started. */
  public enum Cause {
    /** At its scheduled time. */
    SCHEDULED,
    /** At start-up, for a run that fell due while no daemon was running. */
    CATCH_UP,
    /** Again, on another daemon, because the daemon running it died. */
    RECOVERY,
    /** By hand. */
    MANUAL;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** What a run moved: files and bytes read, bytes newly stored. Zero when it does not apply. */
  public record Figures(long files, long bytes, long bytesAdded) {
    public static final Figures NONE = new Figures(0, 0, 0);
  }

  /** What a run is about to do, before it starts. */
  public record Start(String action, String subject, Cause cause, Optional<Instant> scheduledFor, String node) {}

  /** How it ended. */
  public record End(Outcome outcome, Figures figures, String detail, String error) {}
}
