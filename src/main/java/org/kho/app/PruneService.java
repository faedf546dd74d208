package org.kho.app;

import org.kho.repository.PruneProgress;
import org.kho.repository.PruneReport;
import org.kho.repository.PruneRequest;
import org.kho.repository.Repository;

/** Removes unreferenced data from one repository (two phases, see FORMAT.md "Prune"). */
public final class PruneService {
  private final Repository repo;

  public PruneService(Repository repo) {
    this.repo = repo;
  }

  public PruneReport run(PruneRequest request, PruneProgress progress) {
    return repo.prune(request, progress);
  }
}
