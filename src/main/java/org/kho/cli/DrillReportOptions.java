package org.kho.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.kho.app.DrillReportService;
import org.kho.crypto.VerifyingKey;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the drill report commands read reports, and the key they check them with. */
final class DrillReportOptions {
  @Option(names = {"-c", "--config"}, paramLabel = "DIR", defaultValue = "${env:KHO_CONFIG}",
      description = "The config directory: reports from its state (state/), the agency name and signing key of its "
          + "catalogue. Default: $KHO_CONFIG.")
  private Path config;

  @Mixin
  private StateOptions state = new StateOptions();

  @Option(names = "--repo", paramLabel = "DIR|URL",
      description = "Also read the drill reports in this repository's evidence (needs no password).")
  private String repository;

  @Mixin
  private RemoteOptions remote = new RemoteOptions();

  @Option(names = "--public-key", paramLabel = "FILE",
      description = "The agency's public key (signing.pub) to check signatures with. Default: the public half of "
          + "the catalogue's signingKey.")
  private Path publicKey;

  DrillReportService.Sources sources() {
    return new DrillReportService.Sources(Optional.ofNullable(config), state.options(),
        Optional.ofNullable(repository).map(r -> OpenRepository.storage(r, remote)),
        Optional.ofNullable(publicKey).map(VerifyingKey::read));
  }
}
