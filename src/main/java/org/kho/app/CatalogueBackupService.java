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
import org.kho.catalogue.CommandLine;
import org.kho.catalogue.Item;
import org.kho.catalogue.Source;
import org.kho.catalogue.Target;
import org.kho.command.Commands;
import org.kho.core.ItemId;
import org.kho.core.KhoException;
import org.kho.core.TargetId;
import org.kho.core.UsageException;
import org.kho.crypto.SigningKey;
import org.kho.repository.Credential;
import org.kho.repository.Repository;

/**
 * Backs up catalogue items: each item into each of its targets, one snapshot per item and target.
 * Per item: its pre hooks run in order (a failing one cancels the item's backups), then one backup
 * per target (a command source runs once for each target, its output streamed in with no temporary
 * file), then its post hooks, always, even after a failure (to restart a service, say). A failure
 * on one target or item does not stop the others; each is reported.
 */
public final class CatalogueBackupService {
  private final Clock clock;
  private final String program;
  private final Secrets secrets;
  private final Targets targets;
  private final Commands commands;
  private final CommandFactory factory;

  public CatalogueBackupService(Clock clock, String program, Map<String, String> env) {
    this.clock = clock;
    this.program = program;
    this.secrets = new Secrets(env);
    this.targets = new Targets(env);
    this.commands = new Commands(env);
    this.factory = new CommandFactory(secrets);
  }

  /** One item into one target: the result, or what went wrong. */
  public record Run(ItemId item, TargetId target, BackupResult result, KhoException failure) {}

  /** A hook of an item that failed ({@code pre} or {@code post}). */
  public record HookFailure(ItemId item, String phase, String hook, KhoException failure) {}

  /** Every backup run and every failed hook. */
  public record Outcome(List<Run> runs, List<HookFailure> hooks) {
    public Outcome {
      runs = List.copyOf(runs);
      hooks = List.copyOf(hooks);
    }

    /** Whether any backup or hook failed. */
    public boolean failed() {
      return !hooks.isEmpty() || runs.stream().anyMatch(r -> r.failure() != null);
    }
  }

  /**
   * Backs up the items named (all when none), each into each of its targets. Snapshots are signed
   * with {@code signer}, else with the catalogue's {@code signingKey}, else not at all.
   */
  public Outcome run(Catalogue catalogue, List<String> itemIds, Optional<SigningKey> signer, BackupProgress progress) {
    Optional<SigningKey> key = signer.or(() -> catalogue.signingKey().map(secrets::signingKey));
    List<Run> runs = new ArrayList<>();
    List<HookFailure> hooks = new ArrayList<>();
    for (Item item : select(catalogue, itemIds)) {
      Optional<KhoException> pre = hooks(item, "pre", item.hooks().pre(), true, hooks);
      for (TargetId t : item.targets()) {
        Target target = catalogue.target(t).orElseThrow();
        if (pre.isPresent()) {
          runs.add(new Run(item.id(), t, null, new KhoException("not backed up: a pre hook failed ("
              + pre.get().getMessage().lines().findFirst().orElse("") + ")", "see the hook's message")));
          continue;
        }
        try {
          runs.add(new Run(item.id(), t, backup(item, target, key, progress), null));
        } catch (KhoException e) {
          runs.add(new Run(item.id(), t, null, e));
        }
      }
      hooks(item, "post", item.hooks().post(), false, hooks);
    }
    return new Outcome(runs, hooks);
  }

  /** Runs {@code list} in order; returns the first failure, after stopping there when {@code stopAtFailure}. */
  private Optional<KhoException> hooks(Item item, String phase, List<CommandLine> list, boolean stopAtFailure,
      List<HookFailure> failures) {
    Optional<KhoException> first = Optional.empty();
    for (CommandLine hook : list) {
      try {
        commands.run(factory.of(hook));
      } catch (KhoException e) {
        failures.add(new HookFailure(item.id(), phase, hook.name(), e));
        first = first.or(() -> Optional.of(e));
        if (stopAtFailure) {
          break;
        }
      }
    }
    return first;
  }

  private BackupResult backup(Item item, Target target, Optional<SigningKey> signer, BackupProgress progress) {
    String password = secrets.read(target.repositoryPassword().orElseThrow(() -> new KhoException(
        "target " + target.id() + " has no repositoryPassword", "add repositoryPassword: {file: …} to the target")));
    List<BackupRequest.Source> sources = new ArrayList<>();
    List<BackupRequest.DataStream> streams = new ArrayList<>();
    for (Source s : item.sources()) {
      switch (s) {
        case Source.Files f -> sources.add(new BackupRequest.Source(f.path(), f.exclude(), f.include()));
        case Source.Command c -> streams.add(new BackupRequest.DataStream(c.name(),
            () -> commands.output(factory.of(c.command()))));
      }
    }
    try (Repository repo = Repository.open(targets.open(target), Credential.passphrase(password),
        Repository.Options.defaults(clock).forBulkData())) {
      signer.ifPresent(repo::signWith);
      BackupRequest request = new BackupRequest(sources, item.id().value(), List.of(), Optional.empty(),
          item.method() == Item.BackupMethod.FULL, item.allowSameDevice(), streams);
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
