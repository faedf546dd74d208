package org.kho.app;

import java.nio.file.Path;
import java.util.List;
import org.kho.state.AuditLog;
import org.kho.state.StateStore;

/** {@code kho audit ...}: reads and verifies the audit log of a config directory's state. */
public final class AuditService {
  private final StateAccess access;

  public AuditService(StateAccess access) {
    this.access = access;
  }

  /** Walks the whole chain; every break is reported with its position. */
  public AuditLog.Verification verify(Path config, StateAccess.Options options) {
    try (StateStore store = access.open(config, options, 1)) {
      return store.audit().verify();
    }
  }

  /** The latest {@code limit} entries, newest first. */
  public List<AuditLog.Entry> recent(Path config, StateAccess.Options options, int limit) {
    try (StateStore store = access.open(config, options, 1)) {
      return store.audit().recent(limit);
    }
  }
}
