package org.kho.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.kho.core.UsageException;
import org.kho.crypto.VerifyingKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kho logs archive|list|verify|restore}. */
@Command(name = "logs", mixinStandardHelpOptions = true,
    description = {"Monthly log archives: each closed month of each log source stored as one signed, "
        + "hash-chained archive per target; list months and gaps, verify the chain, restore a month."},
    subcommands = {LogsArchiveCommand.class, LogsListCommand.class, LogsVerifyCommand.class, LogsRestoreCommand.class})
final class LogsCommand extends CommandGroup {
  /** A month as YYYY-MM, or a usage error saying so. */
  static YearMonth month(String text) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw new UsageException("'" + text + "' is not a month", "write it as YYYY-MM, e.g. 2026-10");
    }
  }

  /** The options of the read commands: the config directory, the public key, JSON output. */
  static final class ReadOptions {
    @picocli.CommandLine.Mixin
    ConfigOption config;
    @picocli.CommandLine.Mixin
    PublicKeyOption publicKey;
    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;
  }

  /** {@code --public-key FILE}: checks manifests without the private key. */
  static final class PublicKeyOption {
    @Option(names = "--public-key", paramLabel = "FILE",
        description = "The agency's public key (signing.pub) to check manifests with. Default: the public half of "
            + "the catalogue's signingKey.")
    private Path file;

    Optional<VerifyingKey> key() {
      return Optional.ofNullable(file).map(VerifyingKey::read);
    }
  }
}
