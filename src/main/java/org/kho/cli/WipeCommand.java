package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kho.app.WipeService;
import org.kho.core.UsageException;
import org.kho.wipe.Verify;
import org.kho.wipe.WipeCertificate;
import org.kho.wipe.WipeInterruptedException;
import org.kho.wipe.WipeRefusedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kho wipe DEVICE}: plan, and with the serial and --yes run, a wipe for disposal. */
@Command(name = "wipe", mixinStandardHelpOptions = true,
    description = {"Wipe a disk (or disk image) slated for disposal, and sign a certificate of it.",
        "Without --confirm-serial matching the device and --yes, only prints the plan. Refuses a mounted disk, "
            + "the system disk, a disk under LVM/MD/dm-crypt in use, and one holding a backup target of --config.",
        "Methods: zero, one, random (Clear: overwrites written and read back by Kho with direct I/O); "
            + "dod-3pass, dod-7pass, schneier (multi-pass overwrites); nvme-sanitize-crypto, nvme-sanitize-block, "
            + "nvme-format-crypto, nvme-format-erase, ata-sanitize-crypto, ata-sanitize-block, ata-sanitize-overwrite, "
            + "ata-secure-erase, blkdiscard-secure (Purge through the device's firmware, where 'kho wipe list' shows it).",
        "An interrupted overwrite (Ctrl-C, power loss) is resumed by running the same command again."},
    subcommands = {WipeListCommand.class, WipeCertificatesCommand.class, WipeRenderCommand.class})
final class WipeCommand implements Callable<Integer> {
  private final Clock clock;
  @Parameters(paramLabel = "DEVICE", arity = "0..1", description = "The disk (/dev/sdb, /dev/disk/by-id/...) or image file.")
  private String device;
  @Option(names = "--method", paramLabel = "M", description = "How to wipe (see above). Default: the catalogue's disposal method, else random.")
  private String method;
  @Option(names = "--verify", paramLabel = "none|last|all", description = "Which overwrite passes to read back. Default: the catalogue's, else last.")
  private Verify verify;
  @Option(names = "--confirm-serial", paramLabel = "SERIAL", description = "The serial on the disk's label (for an image file, its name).")
  private String confirmSerial;
  @Option(names = "--yes", description = "Wipe for real (with --confirm-serial). Without it, only the plan is shown.")
  private boolean yes;
  @Option(names = "--restart", description = "Forget an interrupted wipe of this device and start over.")
  private boolean restart;
  @Option(names = "--asset-tag", paramLabel = "TAG", description = "The agency's property number of the disk or its computer.")
  private String assetTag;
  @Option(names = "--operator", paramLabel = "NAME", description = "Who performs the wipe. Default: $SUDO_USER, else the user.")
  private String operator;
  @Option(names = "--witness", paramLabel = "NAME", description = "Who witnesses it (required when the catalogue says so).")
  private String witness;
  @Option(names = "--no-render", description = "Do not write the certificate's HTML and PDF now (later: kho wipe render ID).")
  private boolean noRender;
  @Option(names = "--json", description = "Print the plan or the result as JSON.")
  private boolean json;
  @Mixin
  private WipeSetupOptions setupOptions;
  @Mixin
  private SigningOption signing;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  WipeCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    if (device == null) {
      spec.commandLine().usage(spec.commandLine().getOut());
      return ExitCodes.OK;
    }
    WipeService service = WipeService.system(clock, System.getenv());
    WipeService.Setup setup = setupOptions.setup(clock);
    WipeService.Planned p = service.plan(setup, new WipeService.Ask(device, method, verify, confirmSerial, yes, restart,
        assetTag, operator, witness));
    PrintWriter out = spec.commandLine().getOut();
    if (!p.plan().allowed() || !p.request().confirms(p.plan().device())) {
      if (json) {
        out.println(Json.write(WipeViews.plan(p.plan())));
      } else {
        WipeViews.printPlan(p, setup, out);
      }
      out.flush();
      if (!p.plan().allowed()) {
        throw new WipeRefusedException(p.plan().device().path(), p.plan().refusals());
      }
      if (yes) {
        throw new UsageException("--yes needs --confirm-serial with the serial of " + p.plan().device().path(),
            "type the serial from the disk's label: --confirm-serial SERIAL");
      }
      return ExitCodes.OK;
    }
    WipeService.Done done = run(service, setup, p);
    if (json) {
      out.println(Json.write(WipeViews.done(done)));
    } else {
      WipeViews.printDone(done, out);
    }
    return done.certificate().outcome() == WipeCertificate.Outcome.ERASED ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /** Runs the wipe; Ctrl-C or SIGTERM stops it at the next chunk, with its place saved. */
  private WipeService.Done run(WipeService service, WipeService.Setup setup, WipeService.Planned p) {
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.set(true);
      try {
        finished.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "kho-wipe-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try (WipeProgressView view = new WipeProgressView(!json)) {
      return service.wipe(setup, p, signing.key(), "kho " + VersionProvider.version(), !noRender, view,
          stop::get);
    } catch (WipeInterruptedException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("kho: " + e.getMessage());
      err.println("  " + e.hint());
      err.flush();
      throw e;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook is running and has just been released
      }
    }
  }

  /** The JSON of a result line, shared with the list view. */
  static Map<String, Object> map(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        m.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return m;
  }
}
