package org.kho.daemon;

import org.kho.state.Run;

/** Told of every run the daemon makes, for metrics and notifications. Must not throw or block for long. */
interface RunListener {
  default void started(Run run) {}

  default void finished(Run run) {}

  RunListener NONE = new RunListener() {};
}
