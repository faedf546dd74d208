package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.check.CheckProgress;
import org.kho.check.CheckRequest;
import org.kho.check.CheckResult;
import org.kho.check.CheckService;
import org.kho.repository.Repository;

/**
 * The crash-safety bar: backups killed with SIGKILL at random moments leave a repository that
 * checks clean, whose earlier snapshots restore byte for byte, whose locks do not block anyone,
 * and whose next backup succeeds and reuses what the killed ones uploaded.
 *
 * <p>The kill moments come from a seed printed at the start; {@code -Dkho.kill.seed=N} replays a
 * run. The source is the same for every seed.
 */
class KillDuringBackupIT {
  private static final String PASSWORD = "kill-test-password";
  private static final Map<String, String> ENV = Map.of("KHO_PASSWORD", PASSWORD);
  private static final int KILLS = 20;
  private static final int MiB = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PACK = Pattern.compile("[0-9a-f]{64}");

  @TempDir
  Path tmp;
  Path repo;
  final Source source = new Source();
  /** Every committed snapshot and the source it was taken of. */
  final Map<String, Map<String, String>> snapshots = new LinkedHashMap<>();

  @Test
  void killedBackupsLeaveASoundRepositoryAndTheNextBackupReusesTheirUploads() throws Exception {
    long seed = Long.getLong("kho.kill.seed", System.nanoTime());
    System.out.println("KillDuringBackupIT: seed " + seed + " (replay with -Dkho.kill.seed=" + seed + ")");
    repo = tmp.resolve("repo");
    Kho.cheapRepository(repo, PASSWORD);
    source.create(tmp.resolve("src"));
    Kho.Run first = kho("backup", "--json", "--allow-same-device", "test", source.root.toString());
    assertThat(first.code()).as(first.err()).isZero();
    snapshots.put(JSON.readTree(first.out()).get("snapshot").asText(), source.files());
    source.change(1);
    long workMillis = timedBackup();

    int rounds = killAtRandomMoments(new Random(seed), workMillis, "seed " + seed);
    source.change(rounds + 100);
    long uploaded = killAfterFirstPack();
    assertThat(entries("locks")).as("the lock of the backup killed in its work").isNotEmpty();
    assertSoundAfterKill("seed " + seed + ", killed after its first pack");
    noteNewSnapshots();

    Kho.Run readData = kho("check", "--read-data");
    assertThat(readData.code()).as("seed %d: %s", seed, readData.out() + readData.err()).isZero();
    for (var s : snapshots.entrySet()) {
      assertThat(restore(s.getKey())).as("snapshot %s restored", s.getKey()).isEqualTo(s.getValue());
    }
    assertNextBackupReuses(uploaded);
    assertThat(kho("check").code()).isZero();
    // a process killed while writing its lock may leave the .tmp- file it was writing: no lock, it holds nothing
    assertThat(entries("locks")).as("locks left").allMatch(p -> p.getFileName().toString().startsWith(".tmp-"));
    System.out.printf("KillDuringBackupIT: %d snapshots restored%n", snapshots.size());
  }

  /**
   * Changes the source and kills a backup of it at a random moment of its work, until {@link
   * #KILLS} were killed (a few may finish first); after each kill the repository must be sound.
   * The moments are spread, one in each {@link #KILLS}th of the work in random order, so that every
   * part of it gets a kill, the end (last packs, index, snapshot) too. Moments are shares of the
   * work's duration, which is timed again whenever a backup ends before its moment (the load of a
   * shared machine changes). Returns the rounds.
   */
  private int killAtRandomMoments(Random random, long workMillis, String seed) throws Exception {
    List<Double> moments = new ArrayList<>();
    for (int i = 0; i < KILLS; i++) {
      moments.add((i + random.nextDouble()) / KILLS);
    }
    Collections.shuffle(moments, random);
    int kills = 0;
    int leavingPacks = 0;
    int round = 2;
    long work = workMillis;
    for (; kills < KILLS; round++) {
      assertThat(round).as("%s: rounds needed for %d kills", seed, KILLS).isLessThan(KILLS + 10);
      source.change(round);
      double moment = round - 2 < KILLS ? moments.get(round - 2) : random.nextDouble();
      long delay = (long) (moment * work);
      int packsBefore = packs().size();
      Process backup = startAndAwaitLock();
      long locked = System.nanoTime();
      if (backup.waitFor(delay, TimeUnit.MILLISECONDS)) {
        assertThat(backup.exitValue()).as("%s, round %d: a backup that finished", seed, round).isZero();
        // the machine got faster than when the work was timed (a shared CI host): time it again
        work = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - locked));
      } else {
        backup.destroyForcibly().waitFor();
        kills++;
        leavingPacks += packs().size() > packsBefore ? 1 : 0;
        assertSoundAfterKill(seed + ", round " + round + ", killed " + delay + " ms into its work");
      }
      noteNewSnapshots();
    }
    System.out.printf("KillDuringBackupIT: %d kills in %d rounds, %d of them after storing packs (work takes %d ms)%n",
        kills, round - 2, leavingPacks, workMillis);
    return round - 2;
  }

  /**
   * The next backup of the source a killed backup was reading adds less than what changed, by at
   * least half the packs the killed one stored (the rest is slack for trees and pack overhead).
   */
  private void assertNextBackupReuses(long uploaded) throws Exception {
    Kho.Run run = kho("backup", "--json", "--allow-same-device", "test", source.root.toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode result = JSON.readTree(run.out());
    long changed = source.bytesChangedSince(snapshots.get(result.get("parent").asText()));
    long added = result.at("/summary/bytesAdded").asLong();
    assertThat(added).as("bytes added after a kill that left %d bytes of packs, of %d changed", uploaded, changed)
        .isLessThan(changed - uploaded / 2);
    System.out.printf("KillDuringBackupIT: the next backup added %d of %d changed bytes; the killed one had stored %d%n",
        added, changed, uploaded);
  }

  /**
   * Backs up the source to its end, notes its snapshot, and returns how long its work took: from
   * taking its lock (after the JVM started and opened the repository) to its exit.
   */
  private long timedBackup() throws Exception {
    Path out = tmp.resolve("backup.json");
    Process backup = Kho.process(ENV, List.of(), "backup", "--repo", repo.toString(), "--json",
        "--allow-same-device", "test", source.root.toString()).redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    awaitLock(backup);
    long locked = System.nanoTime();
    assertThat(backup.waitFor(2, TimeUnit.MINUTES)).isTrue();
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - locked);
    assertThat(backup.exitValue()).isZero();
    snapshots.put(JSON.readTree(out.toFile()).get("snapshot").asText(), source.files());
    return Math.max(1, millis);
  }

  private Process startAndAwaitLock() throws Exception {
    Process backup = Kho.process(ENV, List.of(), "backup", "--repo", repo.toString(), "--allow-same-device", "test",
        source.root.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    awaitLock(backup);
    return backup;
  }

  /** Waits until {@code backup} holds its lock (or has ended). */
  private void awaitLock(Process backup) throws Exception {
    while (entries("locks").isEmpty() && backup.isAlive()) {
      Thread.sleep(5);
    }
  }

  /**
   * What the next run finds after a kill: a lock the killed backup may have left, which does not
   * stop even an exclusive lock (its process is gone), and a repository whose structure checks clean.
   */
  private void assertSoundAfterKill(String context) throws Exception {
    try (Repository r = Kho.open(repo, PASSWORD)) {
      try (AutoCloseable exclusive = r.lock(true)) {
        // taken: a lock whose process is gone from this host is stale
      }
      CheckResult check = new CheckService(r, new Random(0)).run(new CheckRequest(0), CheckProgress.NONE);
      assertThat(check.errors()).as(context).isEmpty();
    }
  }

  /**
   * Starts a backup and kills it as soon as it has stored a pack, so that the next backup has
   * something to reuse; returns the bytes of the packs it stored.
   */
  private long killAfterFirstPack() throws Exception {
    Map<Path, Long> before = packs();
    Process backup = startAndAwaitLock();
    while (packs().size() == before.size()) {
      assertThat(backup.isAlive()).as("backup still running before it stored a pack").isTrue();
      Thread.sleep(10);
    }
    backup.destroyForcibly().waitFor();
    Map<Path, Long> after = packs();
    after.keySet().removeAll(before.keySet());
    return after.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The published packs (in data/XX/) and their sizes; a pack still filling is a .tmp- file in data/ and may vanish. */
  private Map<Path, Long> packs() throws IOException {
    Map<Path, Long> out = new HashMap<>();
    for (Path folder : entries("data")) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        for (Path p : files.filter(p -> PACK.matcher(p.getFileName().toString()).matches()).toList()) {
          out.put(p, Files.size(p));
        }
      }
    }
    return out;
  }

  /** A backup can be killed after its commit point: then its snapshot is as good as any. */
  private void noteNewSnapshots() throws Exception {
    if (entries("snapshots").size() == snapshots.size()) {
      return;
    }
    for (JsonNode s : JSON.readTree(kho("snapshots", "--json").out())) {
      snapshots.putIfAbsent(s.get("id").asText(), source.files());
    }
  }

  private List<Path> entries(String folder) throws IOException {
    try (Stream<Path> entries = Files.list(repo.resolve(folder))) {
      return entries.toList();
    }
  }

  /** Restores a snapshot, verified, and returns what was restored: path → size and SHA-256. */
  private Map<String, String> restore(String snapshot) throws Exception {
    Path target = tmp.resolve("restore-" + snapshot.substring(0, 8));
    Kho.Run run = kho("restore", snapshot, "--target", target.toString(), "--verify", "--json");
    assertThat(run.code()).as(run.out() + run.err()).isZero();
    Path root = target.resolve(source.root.toString().substring(1));
    Map<String, String> restored = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        restored.put(root.relativize(p).toString(), Source.digest(Files.readAllBytes(p)));
      }
    }
    deleteTree(target);
    return restored;
  }

  private Kho.Run kho(String command, String... args) throws Exception {
    return Kho.run(ENV, repo, command, args);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * About 250 MiB in 600 small files and a few large ones, random and compressible text, made and
   * changed the same way on every run. Each change rewrites 88 MiB ("churn": enough for a backup to
   * store packs well before its end), grows five small files and adds one; a backup of any change
   * has about the same work to do.
   */
  static final class Source {
    private static final String[] WORDS = ("the backup of public records must restore byte for byte after any "
        + "failure of disk power or process so every chunk is sealed named by its hash and indexed before a "
        + "snapshot commits it archive retention schedule drill evidence signed").split(" ");
    Path root;
    /** Relative path → size and SHA-256, kept up to date as files are written. */
    private final Map<String, String> files = new TreeMap<>();

    void create(Path root) throws IOException {
      this.root = root;
      for (int i = 0; i < 3; i++) {
        write("big/random-" + i + ".bin", random(24 * MiB, i));
      }
      for (int i = 0; i < 2; i++) {
        write("big/text-" + i + ".txt", text(16 * MiB, 10 + i));
      }
      SplittableRandom sizes = new SplittableRandom(20);
      for (int d = 0; d < 20; d++) {
        for (int f = 0; f < 30; f++) {
          int size = sizes.nextInt(192 << 10);
          long seed = 100L * d + f + 1000;
          write(small(d, f), f % 2 == 0 ? random(size, seed) : text(size, seed));
        }
      }
      churn(0);
    }

    void change(int round) throws IOException {
      churn(round);
      for (int f = 0; f < 5; f++) {
        String path = small(0, f);
        Files.write(root.resolve(path), text(4096, round * 10L + f), StandardOpenOption.APPEND);
        files.put(path, digest(Files.readAllBytes(root.resolve(path))));
      }
      write("new/round-" + round + ".bin", random(16 << 10, 1_000_000L + round));
    }

    private void churn(int round) throws IOException {
      write("churn/random.bin", random(80 * MiB, 10_000L + round));
      write("churn/text.txt", text(8 * MiB, 20_000L + round));
    }

    Map<String, String> files() {
      return Map.copyOf(files);
    }

    /** The bytes of the files that are new or different since {@code then}. */
    long bytesChangedSince(Map<String, String> then) {
      return files.entrySet().stream().filter(e -> !e.getValue().equals(then.get(e.getKey())))
          .mapToLong(e -> Long.parseLong(e.getValue().substring(0, e.getValue().indexOf(' ')))).sum();
    }

    private static String small(int dir, int file) {
      return String.format("small/d%02d/f%03d", dir, file);
    }

    private void write(String path, byte[] data) throws IOException {
      Path p = root.resolve(path);
      Files.createDirectories(p.getParent());
      Files.write(p, data);
      files.put(path, digest(data));
    }

    static String digest(byte[] data) {
      try {
        return data.length + " " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    private static byte[] random(int size, long seed) {
      byte[] bytes = new byte[size];
      new SplittableRandom(seed).nextBytes(bytes);
      return bytes;
    }

    /** Lines of words drawn at random: compresses to about a third. */
    private static byte[] text(int size, long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      StringBuilder sb = new StringBuilder(size + 64);
      while (sb.length() < size) {
        sb.append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(12) == 0 ? '\n' : ' ');
      }
      sb.setLength(size);
      return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
  }
}
