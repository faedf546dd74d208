package org.kho.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kho.app.DrillReportService;
import org.kho.core.KhoException;
import org.kho.core.UsageException;
import org.kho.evidence.SignedDrillReport;
import org.kho.report.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kho drill show ID}. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = {"Check a drill report's signature with the agency's public key, then show it: as text, as JSON, "
        + "or as the HTML or PDF document (Vietnamese or English) an auditor signs off.",
        "A report whose signature does not verify is shown marked NOT VERIFIED and the exit code is "
            + ExitCodes.DAMAGED + "."})
final class DrillShowCommand implements Callable<Integer> {
  private final Clock clock;
  @Parameters(paramLabel = "ID", description = "The report id (PLAN-yyyyMMddTHHmmssZ), or its start.")
  private String id;
  @Mixin
  private DrillReportOptions options;
  @Option(names = "--format", paramLabel = "text|json|html|pdf", defaultValue = "text",
      description = "What to write (default: ${DEFAULT-VALUE}). A PDF goes to --out, else to ID.LANG.pdf here.")
  private String format;
  @Option(names = "--lang", paramLabel = "vi|en", defaultValue = "vi",
      description = "The language of the HTML and PDF (default: ${DEFAULT-VALUE}).")
  private String lang;
  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  private Path out;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  DrillShowCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    DrillReportService service = new DrillReportService(System.getenv(), clock);
    DrillReportService.Sources sources = options.sources();
    DrillReportService.Checked shown = service.show(sources, id);
    Language language = Language.of(lang);
    switch (format.toLowerCase(Locale.ROOT)) {
      case "text" -> write(DrillText.render(shown));
      case "json" -> write(Json.write(view(shown)));
      case "html" -> write(service.html(shown, sources, language));
      case "pdf" -> writePdf(service.pdf(shown, sources, language), shown.report().id() + "." + language.code() + ".pdf");
      default -> throw new UsageException("no format '" + format + "'", "use text, json, html or pdf");
    }
    if (!shown.verified()) {
      spec.commandLine().getErr().println("kho: drill report " + shown.report().id() + " is NOT VERIFIED: "
          + shown.check().orElseThrow().detail());
      return ExitCodes.DAMAGED;
    }
    return ExitCodes.OK;
  }

  private void write(String text) {
    if (out == null) {
      spec.commandLine().getOut().println(text);
      return;
    }
    save(text.getBytes(StandardCharsets.UTF_8), out);
  }

  private void writePdf(byte[] pdf, String defaultName) {
    save(pdf, out == null ? Path.of(defaultName) : out);
  }

  private void save(byte[] bytes, Path file) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new KhoException("cannot write " + file + ": " + e.getClass().getSimpleName(),
          "check that its folder exists and may be written");
    }
    spec.commandLine().getOut().println(file);
  }

  private static Map<String, Object> view(DrillReportService.Checked c) {
    SignedDrillReport r = c.report();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("verified", c.verified());
    v.put("check", c.check().orElseThrow());
    v.put("source", r.source());
    v.put("signer", r.signer());
    v.put("signature", r.record().signature());
    v.put("report", r.statement());
    return v;
  }
}
