package org.kho.app;

import java.time.Clock;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.Item;
import org.kho.catalogue.Schedule;
import org.kho.catalogue.Target;
import org.kho.core.ItemId;
import org.kho.core.KhoException;
import org.kho.core.TargetId;
import org.kho.crypto.SigningKey;
import org.kho.plan.KeepRules;
import org.kho.repository.Repository;

/**
 * Applies each catalogue item's retention in each of its targets: the item's keep rules, the
 * policy table's minimum for its security level, buckets in its schedule's time zone. One failure
 * does not stop the others.
 */
public final class CatalogueForgetService {
  private final Clock clock;
  private final Secrets secrets;
  private final TargetRepositories repositories;

  public CatalogueForgetService(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.secrets = new Secrets(env);
    this.repositories = new TargetRepositories(clock, secrets);
  }

  /** One item in one target: the decisions and how many were forgotten, or what went wrong. */
  public record Run(ItemId item, TargetId target, ForgetService.Decisions decisions, int forgotten, KhoException failure) {}

  /**
   * Decides (and with {@code apply} forgets) for the items named (all when none). Removals are
   * attested with {@code signer}, else the catalogue's signing key, else not at all.
   */
  public List<Run> run(Catalogue catalogue, List<String> itemIds, boolean apply, Optional<SigningKey> signer) {
    Optional<SigningKey> key = signingKey(catalogue, signer);
    List<Run> runs = new ArrayList<>();
    for (Item item : TargetRepositories.select(catalogue, itemIds)) {
      item.targets().forEach(t -> runs.add(run(catalogue, item, t, apply, key)));
    }
    return runs;
  }

  /** As {@link #run}, for every item stored on {@code target}, in that target only. */
  public List<Run> onTarget(Catalogue catalogue, TargetId target, boolean apply, Optional<SigningKey> signer) {
    Optional<SigningKey> key = signingKey(catalogue, signer);
    return catalogue.items().stream().filter(i -> i.targets().contains(target))
        .map(i -> run(catalogue, i, target, apply, key)).toList();
  }

  private Optional<SigningKey> signingKey(Catalogue catalogue, Optional<SigningKey> signer) {
    return signer.or(() -> catalogue.signingKey().map(secrets::signingKey));
  }

  private Run run(Catalogue catalogue, Item item, TargetId t, boolean apply, Optional<SigningKey> key) {
    KeepRules rules = rules(catalogue, item);
    Target target = catalogue.target(t).orElseThrow();
    try (Repository repo = repositories.open(target)) {
      key.ifPresent(repo::signWith);
      ForgetService service = new ForgetService(clock);
      ForgetService.Decisions d = service.decide(repo, s -> Optional.of(rules), false,
          s -> item.id().value().equals(s.item()));
      return new Run(item.id(), t, d, apply ? service.forget(repo, d.decisions()) : 0, null);
    } catch (KhoException e) {
      return new Run(item.id(), t, null, 0, e);
    }
  }

  /** The item's retention, floored by the policy table, in its schedule's zone. */
  static KeepRules rules(Catalogue catalogue, Item item) {
    int months = catalogue.policy().at(item.securityLevel()).keepBackupsMonths();
    var zone = item.schedule().flatMap(catalogue::schedule).map(Schedule::zone).orElse(Schedule.DEFAULT_ZONE);
    return new KeepRules(item.retention(), months > 0 ? Optional.of(Period.ofMonths(months)) : Optional.empty(),
        "policy " + catalogue.policy().version() + ", level " + item.securityLevel(), zone);
  }
}
