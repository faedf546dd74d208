package org.kho.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kho.app.WipeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kho wipe render ID}: the certificate's HTML and PDF again, e.g. in another language. */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = "Write a certificate's HTML and PDF (ID.LANG.html, ID.LANG.pdf) beside it in the register.")
final class WipeRenderCommand implements Callable<Integer> {
  private final Clock clock;
  @Parameters(paramLabel = "ID", description = "The certificate number, or its start.")
  private String id;
  @Option(names = "--lang", paramLabel = "vi|en", split = ",", description = "Languages. Default: vi,en.")
  private List<String> languages = new ArrayList<>(List.of("vi", "en"));
  @Mixin
  private WipeSetupOptions setupOptions;
  @Spec
  private picocli.CommandLine.Model.CommandSpec spec;

  WipeRenderCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    List<Path> files = WipeService.system(clock, System.getenv()).render(setupOptions.setup(clock), id, languages);
    files.forEach(f -> spec.commandLine().getOut().println(f));
    return ExitCodes.OK;
  }
}
