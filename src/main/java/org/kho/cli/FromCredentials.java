package org.kho.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.kho.repository.Credential;
import org.kho.repository.Repository;
import picocli.CommandLine.Option;

/** How to open the repository read from in two-repository commands: never from the command line itself. */
final class FromCredentials {
  @Option(names = "--from-password-file", paramLabel = "FILE", defaultValue = "${env:KHO_FROM_PASSWORD_FILE}",
      description = "The password of the source repository. Default: $KHO_FROM_PASSWORD_FILE, then $KHO_FROM_PASSWORD, "
          + "then a prompt.")
  Path passwordFile;

  @Option(names = "--from-key-file", paramLabel = "FILE", defaultValue = "${env:KHO_FROM_KEY_FILE}",
      description = "Open the source repository with a key file. Default: $KHO_FROM_KEY_FILE.")
  Path keyFile;

  Repository open(Path dir, Clock clock) {
    Credential credential = keyFile != null ? Credential.keyFile(RepoOptions.read(keyFile, "key file"))
        : RepoOptions.passphrase(passwordFile, "KHO_FROM_PASSWORD", "Source repository password", false);
    return Repository.open(OpenRepository.existing(dir), credential, Repository.Options.defaults(clock));
  }
}
