package org.kho.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.kho.backup.BackupProgress;
import org.kho.backup.BackupRequest;
import org.kho.backup.BackupResult;
import org.kho.backup.BackupService;
import org.kho.catalogue.CatalogueLoader;
import org.kho.catalogue.CommandLine;
import org.kho.catalogue.DrillPlan;
import org.kho.catalogue.VerifyStep;
import org.kho.check.CheckProgress;
import org.kho.check.CheckRequest;
import org.kho.check.CheckResult;
import org.kho.check.CheckService;
import org.kho.core.DrillPlanId;
import org.kho.core.ItemId;
import org.kho.core.ScheduleId;
import org.kho.crypto.SigningKey;
import org.kho.drill.DrillProgress;
import org.kho.drill.RestoreDrill;
import org.kho.repository.Credential;
import org.kho.repository.Repository;
import org.kho.restore.RestoreProgress;
import org.kho.restore.RestoreRequest;
import org.kho.restore.RestoreResult;
import org.kho.restore.RestoreService;
import org.kho.storage.local.LocalStorage;

/**
 * Kho's main job on an embedded default, for a first look: writes the example config directory,
 * checks it and plans its next days; then backs up a generated sample folder into a new encrypted
 * repository (signed), backs it up again after a change (incremental), restores it into a scratch
 * folder, compares every byte, checks the repository reading all data, and runs a restore drill
 * on it whose signed report lands in the repository's evidence.
 */
public final class QuickstartService {
  private static final String SAMPLE_ITEM = "sample";
  private final Clock clock;

  public QuickstartService(Clock clock) {
    this.clock = clock;
  }

  /** What the quickstart did, step by step. */
  public record Result(Path workDir, InitService.Result init, CatalogueLoader.Result check,
      CatalogueService.PlanResult plan, Backups backups) {}

  /**
   * The backup part: where things are and what each step gave.
   *
   * @param identical files of the sample found identical in the restore; -1 if any differed
   */
  public record Backups(Path sample, long sampleBytes, Path repository, Path passwordFile, Path signingKey,
      BackupResult first, BackupResult second, Path restored, RestoreResult restore, long identical, CheckResult check,
      DrillService.Result drill) {
    public boolean ok() {
      return first.complete() && second.complete() && restore.ok() && identical > 0 && check.ok() && drill.passed();
    }
  }

  /** Runs in {@code workDir} (created if missing, must be empty), or in a new temporary folder when null. */
  public Result run(Path workDir, int days) {
    Path dir = workDir != null ? workDir : temporary();
    InitService.Result init = new InitService().init(dir.resolve("config"));
    CatalogueService catalogue = new CatalogueService(clock);
    CatalogueLoader.Result check = catalogue.check(init.directory());
    CatalogueService.PlanResult plan = catalogue.plan(init.directory(), days);
    try {
      return new Result(dir, init, check, plan, backups(dir));
    } catch (IOException e) {
      throw new UncheckedIOException("the quickstart could not write its sample files in " + dir, e);
    }
  }

  private Backups backups(Path dir) throws IOException {
    Path sample = dir.resolve("sample");
    long sampleBytes = SampleData.write(sample);
    Path passwordFile = dir.resolve("repository.password");
    byte[] pw = new byte[18];
    new SecureRandom().nextBytes(pw);
    String password = HexFormat.of().formatHex(pw);
    Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(passwordFile, password + "\n");
    SigningKey key = SigningKey.generate();
    Path signingKey = dir.resolve("signing/signing.key");
    key.write(signingKey, dir.resolve("signing/signing.pub"));
    Path repoDir = dir.resolve("repository");
    try (Repository repo = Repository.init(LocalStorage.create(repoDir), Credential.passphrase(password),
        Repository.Options.defaults(clock).forBulkData())) {
      repo.signWith(key);
      BackupService backup = new BackupService(repo, clock, "kho quickstart");
      BackupRequest request = new BackupRequest(List.of(new BackupRequest.Source(sample, List.of(), List.of())), SAMPLE_ITEM,
          List.of("quickstart"), Optional.empty(), false, Optional.of("quickstart: sample and repository share a scratch folder"));
      BackupResult first = backup.run(request, BackupProgress.NONE);
      SampleData.touch(sample);
      BackupResult second = backup.run(request, BackupProgress.NONE);
      Path restored = dir.resolve("restored");
      RestoreResult restore = new RestoreService(repo).run(new RestoreRequest(second.snapshot().id(), restored, List.of(), true),
          RestoreProgress.NONE);
      long identical = SampleData.compare(sample, restored.resolve(sample.toAbsolutePath().toString().substring(1)));
      CheckResult check = new CheckService(repo, new Random()).run(new CheckRequest(100), CheckProgress.NONE);
      DrillService.Result drill = new DrillService(clock, Map.of()).run(drillPlan(dir), List.of(
          new RestoreDrill.Source(SAMPLE_ITEM, "quickstart", repo)), key, List.of(sample, repoDir), DrillProgress.NONE);
      return new Backups(sample, sampleBytes, repoDir, passwordFile, signingKey, first, second, restored, restore,
          identical, check, drill);
    }
  }

  /** A drill of the sample: the latest snapshot, every file, one command step, RTO 5 minutes, RPO a day. */
  private static DrillPlan drillPlan(Path dir) {
    CommandLine count = new CommandLine("the restored files can be listed",
        List.of("/bin/sh", "-c", "find \"$KHO_RESTORED\" -type f | wc -l"), Duration.ofMinutes(1));
    return new DrillPlan(new DrillPlanId("quickstart"), "Restore the sample's latest snapshot and compare every file",
        List.of(new ItemId(SAMPLE_ITEM)), new ScheduleId("monthly"), DrillPlan.SnapshotChoice.LATEST, 100, List.of(),
        dir.resolve("drill-scratch"), List.of(new VerifyStep.Run(count)), Optional.of(Duration.ofMinutes(5)),
        Optional.of(Duration.ofDays(1)));
  }

  private static Path temporary() {
    try {
      return Files.createTempDirectory("kho-quickstart-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for the quickstart", e);
    }
  }
}
