package org.kho.app;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.kho.catalogue.Catalogue;
import org.kho.catalogue.Target;
import org.kho.check.CheckProgress;
import org.kho.check.CheckRequest;
import org.kho.check.CheckResult;
import org.kho.check.CheckService;
import org.kho.core.KhoException;
import org.kho.core.TargetId;
import org.kho.core.UsageException;
import org.kho.repository.Credential;
import org.kho.repository.Repository;
import org.kho.storage.local.LocalStorage;

/** Checks the repository on a catalogue target, reading the share of its data the catalogue asks. */
public final class TargetCheckService {
  private final Clock clock;
  private final Secrets secrets;

  public TargetCheckService(Clock clock, Map<String, String> env) {
    this.clock = clock;
    this.secrets = new Secrets(env);
  }

  /** Checks {@code targetId}'s repository; {@code readPercent} of its packs are read in full. */
  public CheckResult check(Catalogue catalogue, String targetId, int readPercent, CheckProgress progress) {
    Target target = catalogue.target(new TargetId(targetId)).orElseThrow(() -> new UsageException(
        "the catalogue has no target '" + targetId + "'", "'kho catalogue show' lists the targets"));
    if (!(target instanceof Target.Local local)) {
      throw new KhoException("target " + target.id() + " is remote (" + target.location() + "); checking remote "
          + "targets is not supported by this version", "check it with kho check --repo on a machine that mounts it");
    }
    String password = secrets.read(target.repositoryPassword().orElseThrow(() -> new KhoException(
        "target " + target.id() + " has no repositoryPassword", "add repositoryPassword: {file: …} to the target")));
    CheckRequest request = new CheckRequest(readPercent);
    try (Repository repo = Repository.open(LocalStorage.open(local.path()), Credential.passphrase(password),
        request.options(Repository.Options.defaults(clock)))) {
      return new CheckService(repo, new SecureRandom()).run(request, progress);
    }
  }
}
