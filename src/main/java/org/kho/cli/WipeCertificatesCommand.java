package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.kho.app.WipeService;
import org.kho.wipe.SignedCertificate;
import org.kho.wipe.WipeCertificate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kho wipe certificates}: the disposal register. */
@Command(name = "certificates", mixinStandardHelpOptions = true,
    description = {"List the signed wipe certificates of the disposal register, oldest first: from the state "
        + "database of --config when given, else from the register folder.",
        "Check one with only the public key: kho evidence verify --public-key signing.pub REGISTER/ID.json"})
final class WipeCertificatesCommand implements Callable<Integer> {
  private final Clock clock;
  @Option(names = "--json", description = "Print the certificates as JSON.")
  private boolean json;
  @Mixin
  private WipeSetupOptions setupOptions;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  WipeCertificatesCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    WipeService.Setup setup = setupOptions.setup(clock);
    List<SignedCertificate> all = WipeService.system(clock, System.getenv()).certificates(setup);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(all.stream().map(c -> WipeCommand.map("certificate", c.certificate().orElseThrow(),
          "signer", c.signer(), "file", setup.register().file(c.certificate().orElseThrow().id()).toString())).toList()));
      return ExitCodes.OK;
    }
    Table t = new Table("CERTIFICATE", "FINISHED", "ASSET", "SERIAL", "SIZE", "METHOD", "NIST", "VERIFIED", "OUTCOME", "OPERATOR");
    for (SignedCertificate s : all) {
      WipeCertificate c = s.certificate().orElseThrow();
      t.row(c.id(), c.finished(), c.assetTag() == null ? "-" : c.assetTag(), c.device().serial(),
          Units.bytes(c.device().capacity()), c.method(), c.category().label(),
          c.verification().result().name().toLowerCase(java.util.Locale.ROOT), c.outcome(), c.operator());
    }
    t.print(out, "");
    out.println();
    out.println(ProblemsView.count(all.size(), "certificate") + " in " + setup.source());
    return ExitCodes.OK;
  }
}
