package org.kho.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.kho.catalogue.CatalogueLoader;

/**
 * Kho's main job on an embedded default, for a first look: writes the example config directory,
 * checks it and plans its next days. It grows with Kho's capabilities (back up a sample folder,
 * restore and verify it, run a drill).
 */
public final class QuickstartService {
  private final Clock clock;

  public QuickstartService(Clock clock) {
    this.clock = clock;
  }

  /** What the quickstart did, step by step. */
  public record Result(Path workDir, InitService.Result init, CatalogueLoader.Result check,
      CatalogueService.PlanResult plan) {}

  /** Runs in {@code workDir} (created if missing, must be empty), or in a new temporary folder when null. */
  public Result run(Path workDir, int days) {
    Path dir = workDir != null ? workDir : temporary();
    InitService.Result init = new InitService().init(dir.resolve("config"));
    CatalogueService catalogue = new CatalogueService(clock);
    CatalogueLoader.Result check = catalogue.check(init.directory());
    CatalogueService.PlanResult plan = catalogue.plan(init.directory(), days);
    return new Result(dir, init, check, plan);
  }

  private static Path temporary() {
    try {
      return Files.createTempDirectory("kho-quickstart-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for the quickstart", e);
    }
  }
}
