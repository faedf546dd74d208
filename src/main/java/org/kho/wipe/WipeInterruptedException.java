package org.kho.wipe;

import org.kho.core.KhoException;

/** The wipe was stopped (Ctrl-C, SIGTERM); its place is saved and the same command resumes it. */
public final class WipeInterruptedException extends KhoException {
  private static final long serialVersionUID = 1L;
  private final transient Journal.State state;

  WipeInterruptedException(Journal.State state) {
    super("wipe of " + state.device() + " interrupted in pass " + (state.pass() + 1)
            + (state.verifying() ? " (verifying)" : "") + " at " + state.offset() + " of " + state.size() + " bytes; "
            + "the place is saved",
        "run the same kho wipe command again to resume it (or add --restart to start over)");
    this.state = state;
  }

  /** Where it stopped. */
  public Journal.State state() {
    return state;
  }
}
