package org.kho.daemon;

import java.util.List;
import org.kho.state.Run;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells several listeners, each in turn; one that throws does not stop the others or the run. */
record Listeners(List<RunListener> all) implements RunListener {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  @Override
  public void started(Run run) {
    for (RunListener l : all) {
      try {
        l.started(run);
      } catch (RuntimeException e) {
        LOG.warn("{} {}: a listener failed: {}", run.action(), run.subject(), e.toString());
      }
    }
  }

  @Override
  public void finished(Run run) {
    for (RunListener l : all) {
      try {
        l.finished(run);
      } catch (RuntimeException e) {
        LOG.warn("{} {}: a listener failed: {}", run.action(), run.subject(), e.toString());
      }
    }
  }
}
