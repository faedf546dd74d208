package org.kho.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.kho.app.CatalogueService;
import org.kho.app.WipeService;
import org.kho.app.StateAccess;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --config} (optional: targets to spare, disposal defaults, signing key, and the state database
 * that records wipes too), {@code --register}, and where the state is.
 */
final class WipeSetupOptions {
  @Option(names = {"-c", "--config"}, paramLabel = "DIR", defaultValue = "${env:KHO_CONFIG}",
      description = "The config directory: its backup targets are never wiped; its disposal rules give the defaults; "
          + "its state database keeps each certificate and an audit-log entry too. Default: $KHO_CONFIG.")
  private Path config;

  @Option(names = "--register", paramLabel = "DIR", defaultValue = "${env:KHO_WIPE_REGISTER}",
      description = "The disposal register: signed certificates, their PDFs, interrupted wipes. Default: "
          + "$KHO_WIPE_REGISTER, else /var/lib/kho/wipe-register (root) or ~/.local/state/kho/wipe-register.")
  private Path register;

  @Mixin
  private StateOptions state;

  /** The setup; with a config directory, wipes are recorded in its state database too. */
  WipeService.Setup setup(Clock clock) {
    WipeService.Setup setup = WipeService.Setup.of(Optional.ofNullable(config).map(new CatalogueService(clock)::load),
        Optional.ofNullable(register));
    return config == null ? setup
        : setup.withState(new StateAccess(System.getenv(), clock), config, state.options());
  }
}
