package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kho wipe} end to end on image files, as a disposal officer and an auditor use it. */
class WipeIT {
  static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path tmp;
  Path image;
  Path register;
  byte[] before;

  @BeforeEach
  void setUp() throws IOException {
    image = tmp.resolve("vm-disk.img");
    before = new byte[3 * 1024 * 1024 + 512];
    new Random(11).nextBytes(before);
    Files.write(image, before);
    register = tmp.resolve("register");
  }

  private Kho.Run wipe(String... more) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("wipe", image.toString(), "--register", register.toString()));
    args.addAll(List.of(more));
    return Kho.run(Map.of(), args.toArray(String[]::new));
  }

  private Path signingKey() throws Exception {
    assertThat(Kho.run(Map.of(), "key", "signing-init", "--out", tmp.resolve("key").toString()).code()).isZero();
    return tmp.resolve("key/signing.key");
  }

  @Test
  void withoutTheSerialAndYesOnlyThePlanIsPrinted() throws Exception {
    Kho.Run plan = wipe("--method", "dod-3pass");
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("Plan: wipe " + image, "serial", "vm-disk.img", "dod-3pass", "0x00, 0xFF, random",
        "Nothing was written", "--confirm-serial SERIAL --yes");
    assertThat(Files.readAllBytes(image)).isEqualTo(before);
    Kho.Run yesOnly = wipe("--method", "zero", "--yes");
    assertThat(yesOnly.code()).isEqualTo(2);
    assertThat(yesOnly.err()).contains("--yes needs --confirm-serial");
    assertThat(Files.readAllBytes(image)).isEqualTo(before);
  }

  @Test
  void aSerialThatDoesNotMatchIsRefused() throws Exception {
    Kho.Run run = wipe("--method", "zero", "--confirm-serial", "other-disk.img", "--yes", "--signing-key",
        signingKey().toString());
    assertThat(run.code()).isEqualTo(20);
    assertThat(run.err()).contains("refusing to wipe", "'other-disk.img', is not the serial of").doesNotContain("\tat ");
    assertThat(Files.readAllBytes(image)).isEqualTo(before);
  }

  @Test
  void aWipeNeedsASigningKeyBeforeItWritesAnything() throws Exception {
    Kho.Run run = wipe("--method", "zero", "--confirm-serial", "vm-disk.img", "--yes");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("must be signed");
    assertThat(Files.readAllBytes(image)).isEqualTo(before);
  }

  @Test
  void aConfirmedWipeLeavesZerosAndACertificateAnAuditorCanVerify() throws Exception {
    Kho.Run run = wipe("--method", "zero", "--verify", "all", "--confirm-serial", "VM-DISK.IMG", "--yes", "--json",
        "--signing-key", signingKey().toString(), "--asset-tag", "STTTT-PC-0042", "--witness", "Trần Văn Minh");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode done = MAPPER.readTree(run.out());
    JsonNode c = done.path("certificate");
    assertThat(c.path("outcome").asText()).isEqualTo("ERASED");
    assertThat(c.path("verification").path("result").asText()).isEqualTo("PASSED");
    assertThat(c.path("device").path("serial").asText()).isEqualTo("vm-disk.img");
    assertThat(c.path("witness").asText()).isEqualTo("Trần Văn Minh");
    assertThat(Files.readAllBytes(image)).isEqualTo(new byte[before.length]);
    String id = c.path("id").asText();
    Path file = register.resolve(id + ".json");
    if (done.path("renderProblem").isMissingNode()) {
      assertThat(register.resolve(id + ".vi.pdf")).isNotEmptyFile();
      assertThat(register.resolve(id + ".en.html")).content().contains("STTTT-PC-0042");
    }

    Kho.Run list = Kho.run(Map.of(), "wipe", "certificates", "--register", register.toString());
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains(id, "STTTT-PC-0042", "vm-disk.img", "zero", "Clear", "passed", "ERASED", "1 certificate");

    Path pub = tmp.resolve("key/signing.pub");
    Kho.Run verify = Kho.run(Map.of(), "evidence", "verify", "--public-key", pub.toString(), file.toString());
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("kho.wipe.v1", "OK: 1 verified, 0 failed");

    Files.writeString(file, Files.readString(file).replace("STTTT-PC-0042", "STTTT-PC-0043"));
    Kho.Run tampered = Kho.run(Map.of(), "evidence", "verify", "--public-key", pub.toString(), file.toString());
    assertThat(tampered.code()).isEqualTo(1);
    assertThat(tampered.out()).contains("bad signature", "NOT OK");
  }

  @Test
  void aWipeWithAConfigDirectoryIsInItsStateDatabaseAndItsAuditLog() throws Exception {
    Path config = tmp.resolve("config");
    assertThat(Kho.run(Map.of(), "init", config.toString()).code()).isZero();
    Kho.Run run = wipe("--method", "zero", "--confirm-serial", "vm-disk.img", "--yes", "--no-render", "--json",
        "--signing-key", signingKey().toString(), "--config", config.toString(), "--operator", "Lan", "--witness", "Minh");
    assertThat(run.code()).as(run.err()).isZero();
    String id = MAPPER.readTree(run.out()).path("certificate").path("id").asText();
    Files.delete(register.resolve(id + ".json"));

    Kho.Run list = Kho.run(Map.of(), "wipe", "certificates", "--config", config.toString(), "--register",
        register.toString(), "--json");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(MAPPER.readTree(list.out()).findValuesAsText("id")).containsExactly(id);
    Kho.Run audit = Kho.run(Map.of(), "audit", "log", "--config", config.toString());
    assertThat(audit.out()).contains("Lan", "wipe", "vm-disk.img", id, "outcome ERASED");
    Kho.Run verify = Kho.run(Map.of(), "audit", "verify", "--config", config.toString());
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("intact: 1 entries");
  }

  @Test
  void anInterruptedWipeIsResumedByTheSameCommand() throws Exception {
    Path big = tmp.resolve("big.img");
    try (var f = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
        java.nio.file.StandardOpenOption.WRITE)) {
      f.write(java.nio.ByteBuffer.wrap(new byte[] {1}), 256L * 1024 * 1024 - 1);
    }
    String key = signingKey().toString();
    List<String> args = List.of("wipe", big.toString(), "--method", "dod-3pass", "--verify", "all", "--confirm-serial",
        "big.img", "--yes", "--no-render", "--signing-key", key, "--register", register.toString());
    Path err = tmp.resolve("stopped.err");
    Process p = Kho.process(Map.of(), List.of(), args.toArray(String[]::new)).redirectError(err.toFile())
        .redirectOutput(tmp.resolve("stopped.out").toFile()).start();
    Path journal = register.resolve("journal");
    while (p.isAlive() && !hasRecord(journal)) {
      Thread.sleep(20);
    }
    assumeTrue(p.isAlive(), "the wipe was still running when stopped");
    p.destroy();  // SIGTERM, as systemd or Ctrl-C would stop it
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(err)).contains("interrupted in pass", "run the same kho wipe command again");
    assertThat(hasRecord(journal)).as("the interruption left a record").isTrue();

    Kho.Run plan = Kho.run(Map.of(), "wipe", big.toString(), "--method", "dod-3pass", "--register", register.toString());
    assertThat(plan.out()).contains("resumes", "interrupted 1 time(s)");
    Kho.Run resumed = Kho.run(Map.of(), args.stream().map(a -> a.equals("--no-render") ? "--json" : a).toArray(String[]::new));
    assertThat(resumed.code()).as(resumed.err()).isZero();
    JsonNode c = MAPPER.readTree(resumed.out()).path("certificate");
    assertThat(c.path("interruptions").asInt()).isEqualTo(1);
    assertThat(c.path("passesCompleted").asInt()).isEqualTo(3);
    assertThat(c.path("verification").path("result").asText()).isEqualTo("PASSED");
    assertThat(c.path("verification").path("bytesRead").asLong()).isEqualTo(3L * 256 * 1024 * 1024);
    assertThat(hasRecord(journal)).isFalse();
  }

  private static boolean hasRecord(Path journal) throws IOException {
    if (!Files.isDirectory(journal)) {
      return false;
    }
    try (Stream<Path> files = Files.list(journal)) {
      return files.anyMatch(f -> f.toString().endsWith(".json"));
    }
  }

  @Test
  void theSystemDiskIsRefusedEvenInThePlanAndListed() throws Exception {
    Process findmnt = new ProcessBuilder("findmnt", "-n", "-o", "SOURCE", "/").start();
    String root = new String(findmnt.getInputStream().readAllBytes()).strip().replaceAll("\\[.*]$", "");
    assumeTrue(findmnt.waitFor() == 0 && root.startsWith("/dev/"), "/ is on a block device");
    // a plan only (no --confirm-serial, no --yes): nothing can be written
    Kho.Run plan = Kho.run(Map.of(), "wipe", root, "--method", "zero", "--register", register.toString());
    assertThat(plan.code()).isEqualTo(20);
    assertThat(plan.out()).contains("REFUSED", "holds the running system");
    Kho.Run list = Kho.run(Map.of(), "wipe", "list", "--json");
    assertThat(list.code()).as(list.err()).isZero();
    JsonNode devices = MAPPER.readTree(list.out());
    assertThat(devices.findValuesAsText("reason")).contains("SYSTEM_DISK");
  }
}
