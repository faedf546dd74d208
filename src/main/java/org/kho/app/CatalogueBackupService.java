package org.kho.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kho.backup.BackupProgress;
import org.kho.backup.BackupRequest;
import org.kho.backup.BackupResult;
import org.kho.backup.BackupService;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.Item;
import org.kho.catalogue.Source;
import org.kho.catalogue.Target;
import org.kho.core.ItemId;
import org.kho.core.KhoException;
import org.kho.core.TargetId;
import org.kho.core.UsageException;
import org.kho.crypto.SigningKey;
import org.kho.repository.Credential;
import org.kho.repository.Repository;

/**
 * Backs up catalogue items: each item into each of its targets, one snapshot per item and target.
 * A failure on one does not stop the others; each is reported.
 */
public final class CatalogueBackupService {
  private final Clock clock;
  private final String program;
  private final Secrets secrets;
  private final Targets targets;

  public CatalogueBackupService(Clock clock, String program, Map<String, String> env) {
    this.clock = clock;
    this.program = program;
    this.secrets = new Secrets(env);
    this.targets = new Targets(env);
  }

  /** One item into one target: the result, or what went wrong. */
  public record Run(ItemId item, TargetId target, BackupResult result, KhoException failure) {}

  /**
   * Backs up the items named (all when none), each into each of its targets. Snapshots are signed
   * with {@code signer}, else with the catalogue's {@code signingKey}, else not at all.
   */
  public List<Run> run(Catalogue catalogue, List<String> itemIds, Optional<SigningKey> signer, BackupProgress progress) {
    Optional<SigningKey> key = signer.or(() -> catalogue.signingKey().map(secrets::signingKey));
    List<Run> runs = new ArrayList<>();
    for (Item item : select(catalogue, itemIds)) {
      for (TargetId t : item.targets()) {
        Target target = catalogue.targets().stream().filter(x -> x.id().equals(t)).findFirst().orElseThrow();
        try {
          runs.add(new Run(item.id(), t, backup(item, target, key, progress), null));
        } catch (KhoException e) {
          runs.add(new Run(item.id(), t, null, e));
        }
      }
    }
    return runs;
  }

  private BackupResult backup(Item item, Target target, Optional<SigningKey> signer, BackupProgress progress) {
    String password = secrets.read(target.repositoryPassword().orElseThrow(() -> new KhoException(
        "target " + target.id() + " has no repositoryPassword", "add repositoryPassword: {file: …} to the target")));
    List<BackupRequest.Source> sources = new ArrayList<>();
    for (Source s : item.sources()) {
      switch (s) {
        case Source.Files f -> sources.add(new BackupRequest.Source(f.path(), f.exclude(), f.include()));
        case Source.Command c -> throw new KhoException("item " + item.id() + " has a command source ('" + c.name()
            + "'); command sources are not supported by this version", "back up the command's output file instead");
      }
    }
    try (Repository repo = Repository.open(targets.open(target), Credential.passphrase(password),
        Repository.Options.defaults(clock))) {
      signer.ifPresent(repo::signWith);
      BackupRequest request = new BackupRequest(sources, item.id().value(), List.of(), Optional.empty(),
          item.method() == Item.BackupMethod.FULL, item.allowSameDevice());
      return new BackupService(repo, clock, program).run(request, progress);
    }
  }

  private static List<Item> select(Catalogue catalogue, List<String> ids) {
    if (ids.isEmpty()) {
      return catalogue.items();
    }
    List<Item> out = new ArrayList<>();
    for (String id : ids) {
      out.add(catalogue.items().stream().filter(i -> i.id().value().equals(id)).findFirst()
          .orElseThrow(() -> new UsageException("the catalogue has no item '" + id + "'",
              "'kho catalogue show' lists the items")));
    }
    return out;
  }
}
