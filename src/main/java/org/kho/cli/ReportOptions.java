package org.kho.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.kho.app.CatalogueService;
import org.kho.app.ComplianceService;
import org.kho.app.StateAccess;
import org.kho.catalogue.Catalogue;
import org.kho.core.KhoException;
import org.kho.core.UsageException;
import org.kho.report.ComplianceReport;
import org.kho.report.Language;
import org.kho.report.ReportPeriod;
import org.kho.state.StateStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What both reports take: the config and state, the period, the format, the language and where to write. */
final class ReportOptions {
  @Mixin
  private ConfigOption config;
  @Mixin
  private StateOptions state;
  @Option(names = "--period", required = true, paramLabel = "PERIOD",
      description = "A year (2026), a quarter (2026-Q4) or a month (2026-11), in the catalogue's time zone.")
  private String period;
  @Option(names = "--format", paramLabel = "html|pdf|json", defaultValue = "html",
      description = "html (screen), pdf (print and archive) or json (the same facts as data). Default: html.")
  private String format;
  @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi", description = "The language. Default: vi.")
  private String lang;
  @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE. Default: standard output "
      + "for html and json; NAME-PERIOD.LANG.pdf in the current folder for pdf.")
  private Path out;
  @Option(names = "--public-key", paramLabel = "FILE", description = "The agency's public key (signing.pub) to check "
      + "signatures with. Default: the public half of the catalogue's signingKey, if readable.")
  private Path publicKey;

  /** The formats a report is written in. */
  enum Format { HTML, PDF, JSON }

  Format format() {
    try {
      return Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--format '" + format + "' is not a report format", "give html, pdf or json");
    }
  }

  Language language() {
    return Language.of(lang);
  }

  /** The compliance report of the period, from the config directory's catalogue and state. */
  ComplianceReport compliance(Clock clock) {
    ReportPeriod p = period();
    format();
    language();
    Catalogue catalogue = new CatalogueService(clock).load(config.dir());
    ComplianceService service = new ComplianceService(clock, System.getenv());
    try (StateStore store = new StateAccess(System.getenv(), clock).open(config.dir(), state.options(), 2)) {
      var key = service.key(catalogue, Optional.ofNullable(publicKey));
      return service.compute(catalogue, service.read(catalogue, store, p, key), p);
    }
  }

  ReportPeriod period() {
    return ReportPeriod.parse(period);
  }

  /** Writes {@code text} or {@code pdf} (one of them null) to --out, or the default place. */
  void write(String name, ReportPeriod p, String text, byte[] pdf, PrintWriter stdout) {
    Path file = out;
    if (file == null && pdf != null) {
      file = Path.of(name + "-" + p.fileLabel() + "." + language().code() + ".pdf");
    }
    if (file == null) {
      stdout.print(text);
      stdout.flush();
      return;
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, ".report", ".tmp");
      Files.write(temp, pdf != null ? pdf : text.getBytes(StandardCharsets.UTF_8));
      Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new KhoException("cannot write the report to " + file + " (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + ")", "give --out a file in a folder you may write to");
    }
    stdout.println(file);
  }
}
