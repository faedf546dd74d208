package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.crypto.SigningKey;
import org.kho.evidence.BundleFixture;
import org.kho.state.StateLocation;
import org.kho.state.StateStore;
import org.kho.testing.TestCatalogue;
import org.kho.wipe.SignedCertificate;

/**
 * The evidence bundle through the real CLI: a catalogue item backed up with a signing key, a state
 * store holding a drill report, a wipe certificate and audit entries; {@code kho evidence export}
 * writes the month's bundle, {@code kho evidence verify} passes it with the agency key (and warns
 * without one), and fails a tampered copy naming the record.
 */
class EvidenceBundleIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

  @TempDir
  Path tmp;
  private Path cfg;
  private Path pub;
  private SigningKey key;
  private String month;

  @BeforeEach
  void setUp() throws Exception {
    month = YearMonth.now(Clock.system(HANOI)).toString();
    Path repo = tmp.resolve("repo");
    Kho.cheapRepository(repo, "bundle test password");
    Path password = Files.writeString(tmp.resolve("repo.pass"), "bundle test password\n");
    Path src = Files.createDirectories(tmp.resolve("srv/documents"));
    Files.writeString(src.resolve("quyet-dinh.txt"), "quarterly decision no 1\n");
    cfg = tmp.resolve("cfg");
    assertThat(kho("init", cfg.toString()).code()).isZero();
    Files.createDirectories(tmp.resolve("signing"));
    key = SigningKey.generate();
    pub = tmp.resolve("signing/signing.pub");
    key.write(tmp.resolve("signing/signing.key"), pub);
    TestCatalogue.oneDisk(repo, password, src).signedWith(tmp.resolve("signing/signing.key")).writeTo(cfg);
    Kho.Run backup = kho("backup", "--config", cfg.toString());
    assertThat(backup.code()).as(backup.err() + backup.out()).isZero();
    fillState();
  }

  /** A drill report and a wipe certificate in the state store, as their engines leave them, and audit entries. */
  private void fillState() {
    try (StateStore state = StateStore.open(StateLocation.embedded(cfg.resolve("state")), 1, Clock.systemUTC())) {
      state.audit().append("lan", "backup", "documents", "by hand");
      state.evidence().add("drill", "monthly-documents", "disk", "monthly-documents-1", true, Optional.empty(),
          Optional.of(signed(Map.of("type", "kho.drill.v1", "id", "monthly-documents-1", "plan", "monthly-documents",
              "started", Instant.now().toString(), "outcome", "PASSED"))));
      state.evidence().add("wipe", "WD-1", "/var/lib/kho/wipe-register/W-1.json", "W-1", true, Optional.empty(),
          Optional.of(SignedCertificate.sign(BundleFixture.certificate(Instant.now()), key).json()));
      state.audit().append("lan", "drill", "monthly-documents", "PASSED");
    }
  }

  private String signed(Map<String, String> fields) {
    ObjectNode statement = JSON.createObjectNode();
    fields.forEach(statement::put);
    String text = statement.toString();
    ObjectNode envelope = JSON.createObjectNode().put("statement", text).put("signer", key.verifying().fingerprint())
        .put("signature", Base64.getEncoder().encodeToString(key.sign(text.getBytes(StandardCharsets.UTF_8))));
    return envelope.toString();
  }

  @Test
  void withoutAStateStoreTheTargetsRecordsAreExportedAndTheBundleSaysWhatIsNotIn() throws Exception {
    Path bundle = tmp.resolve("targets-only.zip");
    Path none = tmp.resolve("no-state-here");

    Kho.Run export = kho("evidence", "export", "--config", cfg.toString(), "--state-dir", none.toString(), "--period",
        month, "--out", bundle.toString(), "--json");

    assertThat(export.code()).as(export.err() + export.out()).isZero();
    JsonNode out = JSON.readTree(export.out());
    assertThat(out.get("stateStore").asBoolean()).isFalse();
    assertThat(out.get("members").get("snapshot-record").asInt()).isPositive();
    assertThat(out.get("gaps").toString()).contains("state store: none at " + none, "are not included");
    assertThat(none).as("exporting makes no state store").doesNotExist();
    Kho.Run text = kho("evidence", "export", "--config", cfg.toString(), "--state-dir", none.toString(), "--period",
        month, "--out", bundle.toString(), "--force");
    assertThat(text.code()).isZero();
    assertThat(text.out()).contains("No state store, so this bundle holds what the targets hold")
        .doesNotContain("Not in the bundle");
    Kho.Run verified = kho("evidence", "verify", bundle.toString(), "--key", pub.toString());
    assertThat(verified.code()).as(verified.err() + verified.out()).isZero();
    assertThat(verified.out()).contains("state store");
  }

  @Test
  void aMonthIsExportedVerifiedOfflineAndATamperedRecordIsNamed() throws Exception {
    Path bundle = tmp.resolve("evidence-" + month + ".zip");
    Kho.Run export = kho("evidence", "export", "--config", cfg.toString(), "--period", month, "--out", bundle.toString());
    assertThat(export.code()).as(export.err() + export.out()).isZero();
    assertThat(export.out()).contains("snapshot record", "drill report", "audit-log segment", key.verifying().fingerprint());

    Kho.Run again = kho("evidence", "export", "--config", cfg.toString(), "--period", month, "--out", bundle.toString());
    assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(again.err()).contains("already exists", "--force");
    assertThat(kho("evidence", "export", "--config", cfg.toString(), "--period", month, "--out", bundle.toString(),
        "--force").code()).isZero();
    for (Map.Entry<String, byte[]> m : BundleFixture.members(Files.readAllBytes(bundle)).entrySet()) {
      assertThat(new String(m.getValue(), StandardCharsets.ISO_8859_1)).as(m.getKey())
          .doesNotContain("PRIVATE KEY", "bundle test password", "quarterly decision", "quyet-dinh");
    }

    Kho.Run verified = kho("evidence", "verify", bundle.toString(), "--key", pub.toString());
    assertThat(verified.code()).as(verified.err() + verified.out()).isZero();
    assertThat(verified.out()).contains("OK: ").contains("snapshot-record").doesNotContain("WARNING");
    assertThat(verified.err()).doesNotContain("WARNING");

    Kho.Run ownKey = kho("evidence", "verify", bundle.toString(), "--json");
    assertThat(ownKey.code()).isZero();
    assertThat(ownKey.err()).contains("WARNING", "inside the bundle");
    JsonNode json = JSON.readTree(ownKey.out());
    assertThat(json.get("ok").asBoolean()).isTrue();
    assertThat(json.get("keyFromBundle").asBoolean()).isTrue();
    assertThat(json.get("verified").get("drill-report").asInt()).isEqualTo(1);
    assertThat(json.get("verified").get("wipe-certificate").asInt()).isEqualTo(1);
    assertThat(json.get("verified").get("audit-segment").asInt()).isEqualTo(1);

    Map<String, byte[]> members = BundleFixture.members(Files.readAllBytes(bundle));
    String drill = members.keySet().stream().filter(p -> p.startsWith("records/drills/")).findFirst().orElseThrow();
    members.put(drill, new String(members.get(drill), StandardCharsets.UTF_8).replace("PASSED", "FAILED")
        .getBytes(StandardCharsets.UTF_8));
    Path tampered = tmp.resolve("tampered.zip");
    Files.write(tampered, BundleFixture.zip(members));
    Kho.Run failed = kho("evidence", "verify", tampered.toString(), "--key", pub.toString());
    assertThat(failed.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(failed.out()).contains(drill + " (drill-report): altered member", drill + " (drill-report): bad signature",
        "NOT OK");
  }

  private static Kho.Run kho(String... args) throws IOException, InterruptedException {
    return Kho.run(Map.of(), args);
  }

}
