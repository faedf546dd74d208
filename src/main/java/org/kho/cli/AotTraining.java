package org.kho.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * The training run of the build's AOT cache (pom.xml, {@code aot-cache}): the commands users and
 * the daemon run most, through the real command line, in one JVM, on small generated data. The JVM
 * records which classes they load and how their methods behave; every later kho run starts with
 * those classes parsed and linked, and compiles their hot methods sooner. A command path left out
 * of the training starts measurably slower (a log archive of 16 MiB took 3.8 CPU-s with a cache
 * trained on the quickstart alone, 2.9 with one that had seen a log archive).
 *
 * <p>Where Debian's OpenSSH server is installed, the training starts one on 127.0.0.1 for its SFTP
 * steps, and stops it at the end.
 *
 * <p>Not a user command: {@code java -cp kho.jar org.kho.cli.AotTraining DIR} (DIR new or empty).
 * Exits non-zero, naming the step, when a command fails; the build then has no cache and kho still
 * runs, only slower.
 */
public final class AotTraining {
  private static final String PASSWORD_FILE = "repository.password";
  private final Path dir;
  private final PrintStream log;

  AotTraining(Path dir, PrintStream log) {
    this.dir = dir;
    this.log = log;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java -cp kho.jar org.kho.cli.AotTraining DIR   (DIR new or empty)");
      System.exit(2);
    }
    System.exit(new AotTraining(Path.of(args[0]), System.out).run());
  }

  /** Runs every step; 0 when all succeeded, else the failed step's exit code. */
  int run() throws IOException {
    Path quick = dir.resolve("quickstart");
    Path repo = quick.resolve("repository");
    String pw = quick.resolve(PASSWORD_FILE).toString();
    Path logs = writeLogs(dir.resolve("logs"));
    List<List<String>> steps = List.of(
        List.of("quickstart", "--dir", quick.toString()),
        List.of("backup", "--repo", repo.toString(), "--password-file", pw, "--allow-same-device", "training",
            quick.resolve("sample").toString()),
        List.of("snapshots", "--repo", repo.toString(), "--password-file", pw),
        List.of("ls", "--repo", repo.toString(), "--password-file", pw, "latest"),
        List.of("restore", "--repo", repo.toString(), "--password-file", pw, "latest", "--target",
            dir.resolve("restored").toString()),
        List.of("check", "--repo", repo.toString(), "--password-file", pw, "--read-data"),
        List.of("init", dir.resolve("config").toString()),
        List.of("repo", "init", "--repo", dir.resolve("logs-repository").toString(), "--password-file", pw));
    List<List<String>> logSteps = List.of(
        List.of("logs", "archive", "--config", dir.resolve("config").toString()),
        List.of("logs", "list", "--config", dir.resolve("config").toString()),
        List.of("logs", "verify", "--config", dir.resolve("config").toString()));
    int code = run(steps);
    if (code == 0) {
      writeCatalogue(dir.resolve("config/catalogue.yaml"), logs, quick);
      code = run(logSteps);
    }
    return code == 0 ? sftp(quick.resolve("sample"), pw) : code;
  }

  /**
   * A backup, restore and check over SFTP, to the local OpenSSH server ({@link TrainingSshd}): JSch,
   * commons-vfs and the remote storage then start from the cache too (an SFTP backup of 370 MiB took
   * 3.5–3.9 s instead of 3.9–4.2 with a cache that had not seen SFTP). Left out, with a line in the
   * log saying why, where no server can be started or a step fails; the cache then lacks only them.
   */
  private int sftp(Path sample, String pw) throws IOException {
    TrainingSshd sshd;
    try {
      sshd = TrainingSshd.start(dir.resolve("sshd"));
    } catch (TrainingSshd.Unavailable e) {
      log.println("SFTP steps left out: " + e.getMessage());
      return 0;
    }
    try (sshd) {
      String repo = sshd.url(dir.resolve("sftp-repository"));
      List<String> remote = sshd.options();
      int code = run(List.of(
          concat(List.of("repo", "init", "--repo", repo, "--password-file", pw), remote),
          concat(List.of("backup", "--repo", repo, "--password-file", pw, sample.toString()), remote),
          concat(List.of("restore", "--repo", repo, "--password-file", pw, "latest", "--target",
              dir.resolve("restored-sftp").toString()), remote),
          concat(List.of("check", "--repo", repo, "--password-file", pw, "--read-data"), remote)));
      if (code != 0) { // e.g. the server refuses this user (a locked account): the rest of the cache is still good
        log.println("SFTP steps left out: the step above failed (the server's log: " + sshd.log() + ")");
      }
      return 0;
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private int run(List<List<String>> steps) {
    for (List<String> step : steps) {
      String[] args = step.toArray(String[]::new);
      PrintStream out = System.out;
      System.setOut(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
      int code;
      try {
        code = Main.commandLine(Clock.systemDefaultZone(), args).execute(args);
      } finally {
        System.setOut(out);
      }
      log.println("kho " + String.join(" ", step) + " -> exit " + code);
      if (code != 0) {
        return code;
      }
    }
    return 0;
  }

  /**
   * Web server access logs for the three months before this one, one file a day, the oldest
   * ones gzip-compressed as logrotate leaves them: about 6 MiB in all.
   */
  private static Path writeLogs(Path folder) throws IOException {
    Files.createDirectories(folder);
    YearMonth open = YearMonth.now(ZoneId.systemDefault());
    Random random = new Random(1);
    DateTimeFormatter stamp = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);
    DateTimeFormatter name = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    LocalDate first = open.minusMonths(3).atDay(1);
    for (LocalDate day = first; day.isBefore(open.atDay(1)); day = day.plusDays(1)) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 700; i++) {
        var at = day.atStartOfDay(ZoneId.systemDefault()).plusSeconds(i * 123L);
        text.append(String.format(Locale.ROOT, "10.%d.%d.%d - - [%s] \"GET /records/%d HTTP/1.1\" %d %d \"-\" \"curl/8.%d\"%n",
            random.nextInt(256), random.nextInt(256), random.nextInt(256), stamp.format(at), random.nextInt(100_000),
            random.nextInt(10) == 0 ? 404 : 200, random.nextInt(50_000), random.nextInt(10)));
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      Path file = folder.resolve("access.log-" + name.format(day));
      if (day.isBefore(first.plusDays(7))) {
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file.resolveSibling(file.getFileName() + ".gz")))) {
          gz.write(bytes);
        }
      } else {
        Files.write(file, bytes);
      }
    }
    return folder;
  }

  /** A catalogue with one item and one log source, kept in a repository of its own. */
  private static void writeCatalogue(Path catalogue, Path logs, Path quick) throws IOException {
    List<String> lines = new ArrayList<>(List.of(
        "version: 1",
        "agency: {name: \"AOT training\", unit: \"IT\", contact: \"it@example.gov.vn\"}",
        "signingKey: {file: " + quoted(quick.resolve("signing/signing.key")) + "}",
        "targets:",
        "  - {id: disk, description: training, path: " + quoted(quick.resolveSibling("logs-repository")) + ", media: external-disk,"
            + " repositoryPassword: {file: " + quoted(quick.resolve(PASSWORD_FILE)) + "}}",
        "items:",
        "  - {id: documents, name: Documents, owner: IT, securityLevel: 2, sources: [{path: " + quoted(quick.resolve("sample")) + "}],"
            + " targets: [disk], schedule: nightly, retention: {daily: 14}, allowSameDevice: training}",
        "logs:",
        "  - id: web",
        "    name: Web server access logs",
        "    securityLevel: 1",
        "    paths: [" + quoted(logs.resolve("access.log*")) + "]",
        "    month: {from: lines, regex: '\\[(\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4})\\]',"
            + " format: \"dd/MMM/yyyy:HH:mm:ss Z\"}",
        "    targets: [disk]",
        "    allowSameDevice: training"));
    Files.write(catalogue, lines, StandardCharsets.UTF_8);
  }

  /** A YAML single-quoted string: the build's folder may hold spaces or quotes. */
  private static String quoted(Path path) {
    return "'" + path.toString().replace("'", "''") + "'";
  }
}
