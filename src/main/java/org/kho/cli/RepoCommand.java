package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.kho.repository.Repository;
import org.kho.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code kho repo}: repository-wide commands. */
@Command(name = "repo", mixinStandardHelpOptions = true, description = "Create repositories.",
    subcommands = RepoCommand.Init.class)
final class RepoCommand extends CommandGroup {
  /** {@code kho repo init}. */
  @Command(name = "init", mixinStandardHelpOptions = true,
      description = {"Create an encrypted repository in an empty or new folder, local or remote (sftp://, ftps://).",
          "The password (from --password-file, $KHO_PASSWORD_FILE, $KHO_PASSWORD or a prompt) opens its first key slot; "
              + "add a recovery key at once with 'kho key add --recovery'."})
  static final class Init implements Callable<Integer> {
    private final Clock clock;
    @Mixin
    private RepoOptions repo;
    @picocli.CommandLine.Option(names = "--copy-params-from", paramLabel = "DIR", description = "Share the master key "
        + "and chunker of this existing repository (opened with --from-password-file): 'kho copy' between the two "
        + "then copies data as stored, without re-encryption, and snapshots keep their signatures.")
    private java.nio.file.Path copyParamsFrom;
    @Mixin
    private FromCredentials from;
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    Init(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
      var credential = repo.credential(true);
      Storage storage = repo.newStorage();
      try (Repository r = create(storage, credential)) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Created repository %s at %s%n", r.config().id().substring(0, 8), storage.describe());
        out.println("Keep the password safe: without it (or another key) the data cannot be read.");
        out.println("Next: kho key add --recovery --repo " + repo.location() + "   (a recovery key to store offline)");
      }
      return ExitCodes.OK;
    }

    private Repository create(Storage storage, org.kho.repository.Credential credential) {
      if (copyParamsFrom == null) {
        return Repository.init(storage, credential, Repository.Options.defaults(clock));
      }
      try (Repository template = from.open(copyParamsFrom, clock)) {
        return Repository.initLike(storage, credential, Repository.Options.defaults(clock), template);
      }
    }
  }
}
