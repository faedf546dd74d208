package org.kho.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kho.app.EvidenceExportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kho evidence export}. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write every signed record of a period into one evidence bundle for auditors (a zip file).",
        "Holds the period's snapshot records, log-month manifests and drill reports of every catalogue target with "
            + "the sealed snapshot objects they bind, drill reports and wipe certificates from the state store, the "
            + "audit-log segment of the period, the public key and a verification guide (README.md, vi + en); a "
            + "manifest signed with the agency key lists every member with its SHA-256. No password or private key "
            + "goes in; the manifest is signed with --signing-key, else the catalogue's signingKey. Check it with "
            + "'kho evidence verify FILE --key signing.pub'.",
        "Without a state store (none configured or made yet) the bundle holds what the targets hold, and says "
            + "so: the drill reports and wipe certificates kept only in the state store, and the audit-log segment, "
            + "are not included (named in the signed manifest).",
        "Exit 0 when written with everything the config reaches (with or without a state store); 4 when written "
            + "but something could not be gathered (a target unreachable, a record unreadable): each is listed, "
            + "and named in the signed manifest."})
final class EvidenceExportCommand implements Callable<Integer> {
  private final Clock clock;
  @Mixin
  private ConfigOption config;
  @Mixin
  private StateOptions state;
  @Mixin
  private SigningOption signing;
  @Option(names = "--period", required = true, paramLabel = "PERIOD",
      description = "A year (2026), a quarter (2026-Q4) or a month (2026-11).")
  private String period;
  @Option(names = "--zone", paramLabel = "ZONE",
      description = "The time zone of the period's days (default: Asia/Ho_Chi_Minh).")
  private ZoneId zone;
  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The bundle to write (e.g. evidence-2026-Q4.zip).")
  private Path out;
  @Option(names = "--force", description = "Replace --out if it exists.")
  private boolean force;
  @Option(names = "--register", paramLabel = "DIR",
      description = "A disposal register folder whose wipe certificates to include too (those of the state store always are).")
  private Path register;
  @Option(names = "--json", description = "Print the result as JSON.")
  private boolean json;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  EvidenceExportCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    var request = new EvidenceExportService.Request(config.dir(), state.options(), period, Optional.ofNullable(zone),
        out, force, signing.key(), Optional.ofNullable(register));
    var result = new EvidenceExportService(clock, System.getenv(), "kho " + VersionProvider.version()).export(request);
    PrintWriter w = spec.commandLine().getOut();
    Map<String, Integer> members = new LinkedHashMap<>();
    result.summary().members().forEach((kind, n) -> members.put(kind.id(), n));
    if (json) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("bundle", result.out().toString());
      view.put("period", result.period().label());
      view.put("from", result.period().from());
      view.put("to", result.period().to());
      view.put("key", result.summary().key());
      view.put("members", members);
      view.put("gaps", result.summary().gaps());
      view.put("stateStore", result.withoutState().isEmpty());
      w.println(Json.write(view));
      return code(result);
    }
    w.println("Wrote " + result.out() + ": evidence of " + result.period().label() + " (" + result.period().from()
        + " to " + result.period().to() + "), manifest signed by key " + result.summary().key());
    Table table = new Table("KIND", "MEMBERS");
    result.summary().members().forEach((kind, n) -> table.row(kind.label(), Integer.toString(n)));
    table.print(w, "  ");
    if (!result.missed().isEmpty()) {
      w.println("Not in the bundle (named in its manifest):");
      result.missed().forEach(g -> w.println("  " + g));
    }
    result.withoutState().ifPresent(g -> w.println("No state store, so this bundle holds what the targets hold. Not "
        + "included (named in its manifest): " + g));
    int records = result.summary().members().entrySet().stream().filter(e -> e.getKey().signedRecord())
        .mapToInt(Map.Entry::getValue).sum();
    w.println(records + " signed records. Check it with: kho evidence verify " + result.out() + " --key signing.pub");
    return code(result);
  }

  private static int code(EvidenceExportService.Result result) {
    return result.missed().isEmpty() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
  }
}
