package org.kho.app;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.Target;
import org.kho.core.TargetId;
import org.kho.core.UsageException;
import org.kho.repository.PruneProgress;
import org.kho.repository.PruneReport;
import org.kho.repository.PruneRequest;
import org.kho.repository.Repository;

/**
 * The scheduled prune of a catalogue target: forgets, in that target, the snapshots the retention
 * of each item stored there no longer keeps (attested with the catalogue's signing key, if any),
 * then prunes the target's repository with the default grace period and repack threshold.
 */
public final class TargetPruneService {
  private final CatalogueForgetService forget;
  private final TargetRepositories repositories;

  public TargetPruneService(Clock clock, Map<String, String> env) {
    this.forget = new CatalogueForgetService(clock, env);
    this.repositories = new TargetRepositories(clock, new Secrets(env));
  }

  /**
   * What one prune of a target did.
   *
   * @param forgets per item stored on the target: what was forgotten, or why it failed
   * @param prune what the prune of the repository did
   */
  public record Outcome(List<CatalogueForgetService.Run> forgets, PruneReport prune) {
    public Outcome {
      forgets = List.copyOf(forgets);
    }

    public int forgotten() {
      return forgets.stream().mapToInt(CatalogueForgetService.Run::forgotten).sum();
    }
  }

  /** Forgets (for real) per the catalogue's retention, then prunes {@code targetId} (for real). */
  public Outcome run(Catalogue catalogue, String targetId, PruneProgress progress) {
    Target target = catalogue.target(new TargetId(targetId)).orElseThrow(() -> new UsageException(
        "the catalogue has no target '" + targetId + "'", "'kho catalogue show' lists the targets"));
    List<CatalogueForgetService.Run> forgets = forget.onTarget(catalogue, target.id(), true, Optional.empty());
    PruneRequest request = new PruneRequest(PruneRequest.DEFAULT_GRACE, PruneRequest.DEFAULT_REPACK_PERCENT, true);
    try (Repository repo = repositories.open(target)) {
      return new Outcome(forgets, new PruneService(repo).run(request, progress));
    }
  }
}
