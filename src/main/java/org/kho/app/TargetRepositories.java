package org.kho.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.Item;
import org.kho.catalogue.Target;
import org.kho.core.KhoException;
import org.kho.core.UsageException;
import org.kho.repository.Credential;
import org.kho.repository.Repository;

/** Opens the repository of a catalogue target, and picks the items a command names. */
final class TargetRepositories {
  private final Clock clock;
  private final Secrets secrets;
  private final Targets targets;

  TargetRepositories(Clock clock, Secrets secrets) {
    this.clock = clock;
    this.secrets = secrets;
    this.targets = new Targets(secrets);
  }

  /** The repository on {@code target} (a folder, or a remote store reached as the target says), opened with its repositoryPassword. */
  Repository open(Target target) {
    return open(target, Repository.Options.defaults(clock));
  }

  /** {@link #open(Target)} for a session that restores or verifies much data (see {@link Repository.Options}). */
  Repository openForData(Target target) {
    return open(target, Repository.Options.defaults(clock).forBulkData());
  }

  private Repository open(Target target, Repository.Options options) {
    String password = secrets.read(target.repositoryPassword().orElseThrow(() -> new KhoException(
        "target " + target.id() + " has no repositoryPassword", "add repositoryPassword: {file: …} to the target")));
    return Repository.open(targets.open(target), Credential.passphrase(password), options);
  }

  /** The items named by {@code ids}, or all of them when none is named. */
  static List<Item> select(Catalogue catalogue, List<String> ids) {
    if (ids.isEmpty()) {
      return catalogue.items();
    }
    List<Item> out = new ArrayList<>();
    for (String id : ids) {
      out.add(catalogue.items().stream().filter(i -> i.id().value().equals(id)).findFirst()
          .orElseThrow(() -> new UsageException("the catalogue has no item '" + id + "'", "'kho catalogue show' lists the items")));
    }
    return out;
  }
}
