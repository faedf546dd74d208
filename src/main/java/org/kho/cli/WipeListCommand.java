package org.kho.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.kho.app.WipeService;
import org.kho.wipe.Device;
import org.kho.wipe.Refusal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kho wipe list}. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = {"List the disks of this machine: model, serial, size, medium, interface, what is mounted or "
        + "built on them, whether they hold the running system or a backup target, and the wipe methods each supports."})
final class WipeListCommand implements Callable<Integer> {
  private final Clock clock;
  @Option(names = "--json", description = "Print the list as JSON.")
  private boolean json;
  @Mixin
  private WipeSetupOptions setupOptions;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  WipeListCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    List<WipeService.DeviceStatus> all = WipeService.system(clock, System.getenv()).list(setupOptions.setup(clock));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(all.stream().map(s -> WipeCommand.map("device", s.device(), "media", s.device().media(),
          "wipeable", s.refusals().isEmpty(), "refusals", s.refusals(), "methods", WipeViews.methods(s),
          "notes", s.notes())).toList()));
      return ExitCodes.OK;
    }
    Table t = new Table("DEVICE", "SIZE", "MEDIUM", "IF", "MODEL", "SERIAL", "STATUS");
    for (WipeService.DeviceStatus s : all) {
      Device d = s.device();
      t.row(d.path(), Units.bytes(d.size()), d.media().label(), dash(d.transport()), d.makeAndModel(), d.confirmation(),
          s.refusals().isEmpty() ? "can be wiped" : String.join(", ", s.refusals().stream().map(r -> r.reason().label()).toList()));
    }
    t.print(out, "");
    for (WipeService.DeviceStatus s : all) {
      out.println();
      out.println(s.device().path() + ":");
      s.device().tree().skip(1).forEach(c -> out.println("  on it: " + c.path() + " (" + c.type() + ")"
          + (c.mountpoints().isEmpty() ? "" : " mounted on " + String.join(", ", c.mountpoints()))));
      s.refusals().stream().map(Refusal::detail).forEach(r -> out.println("  refused: " + r));
      out.println("  methods: " + String.join(", ", WipeViews.methods(s)));
      s.notes().forEach(n -> out.println("  note: " + n));
    }
    return ExitCodes.OK;
  }

  private static String dash(String s) {
    return s == null ? "-" : s;
  }

}
