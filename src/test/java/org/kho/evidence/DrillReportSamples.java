package org.kho.evidence;

import org.kho.drill.DrillStatement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.kho.crypto.SigningKey;
import org.kho.drill.DrillStatement.Command;
import org.kho.drill.DrillStatement.Item;
import org.kho.drill.DrillStatement.Objective;
import org.kho.drill.DrillStatement.Outcome;
import org.kho.drill.DrillStatement.SliceRef;
import org.kho.repository.EvidenceRecord;

/**
 * Drill reports as the drill engine writes them under the drill report contract, signed with a test
 * key: for the tests of everything that reads them.
 */
public final class DrillReportSamples {
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DrillReportSamples() {}

  /** A passed drill of plan {@code plan} started at {@code started}, restoring slice {@code index}/{@code count}. */
  public static DrillStatement passed(String plan, Instant started, long seed, int index, int count) {
    return statement(plan, started, Outcome.PASSED, seed, new SliceRef(index, count), List.of(), List.of(),
        List.of(item("hoso-motcua", "9f2c41d07be3a5c1e8d2", started.minusSeconds(6 * 3600), 1240, 3_221_225_472L, 0),
            item("csdl-canbo", "41aa07be3a5c1e8d29f2", started.minusSeconds(5 * 3600), 1, 734_003_200L, 0)),
        objective(4L * 3600, 1_845, true), objective(24L * 3600, 6 * 3600, true),
        List.of(new Command("pg_restore --list", List.of("pg_restore", "--list", "/scratch/csdl-canbo/dump.pgc"), 0,
            new BigDecimal("1.4"), true, "; Archive created at 2026-11-21 02:00:01 UTC\n;     dbname: canbo\n;     TOC Entries: 212\n")));
  }

  /** A failed drill: two damaged files and a verification command that fails with its output. */
  public static DrillStatement failed(String plan, Instant started, long seed, int index, int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i <= 60; i++) {
      out.append("psql:/scratch/verify.sql:").append(i).append(": row ").append(i).append(" checked\n");
    }
    out.append("ERROR:  relation \"ho_so\" does not exist\nLINE 1: SELECT count(*) FROM ho_so;\n");
    return statement(plan, started, Outcome.FAILED, seed, new SliceRef(index, count),
        List.of("2 files of item hoso-motcua do not match the snapshot (content hash).",
            "Verification command 'count records' exited with 3."),
        List.of("Run 'kho check --read-data' on target nas-01 and repair or replace the damaged packs.",
            "Restore database canbo by hand and find why table ho_so is missing from the dump."),
        List.of(item("hoso-motcua", "9f2c41d07be3a5c1e8d2", started.minusSeconds(30 * 3600), 1240, 3_221_225_472L, 2),
            item("csdl-canbo", "41aa07be3a5c1e8d29f2", started.minusSeconds(30 * 3600), 1, 734_003_200L, 0)),
        objective(4L * 3600, 1_800, true), objective(24L * 3600, 30 * 3600, false),
        List.of(new Command("count records", List.of("psql", "-d", "kho_drill_tmp", "-f", "/scratch/verify.sql"), 3,
            new BigDecimal("2.2"), false, out.toString())));
  }

  private static DrillStatement statement(String plan, Instant started, Outcome outcome, long seed, SliceRef slice,
      List<String> reasons, List<String> corrective, List<Item> items, Objective rto, Objective rpo,
      List<Command> commands) {
    return new DrillStatement(DrillStatement.TYPE, plan + "-" + ID_TIME.format(started), "3fa9c1d2e4b5a6f7",
        "/mnt/nas-01/kho", plan, "Hồ sơ một cửa và CSDL cán bộ: phục hồi hằng tháng", "kho-srv-01",
        "Nguyễn Thị Lan", "Trần Văn Minh", started, started.plusSeconds(1_845), outcome, reasons, corrective, seed,
        slice, items, rto, rpo, commands);
  }

  private static Item item(String id, String snapshot, Instant taken, long files, long bytes, int damaged) {
    long restoredFiles = Math.max(1, files / 10);
    long restoredBytes = bytes / 10;
    List<String> bad = damaged == 0 ? List.of()
        : List.of("hoso/2026/11/QD-1234.pdf: content hash differs", "hoso/2026/11/danh-sach.xlsx: missing");
    return new Item(id, "3fa9c1d2e4b5a6f7", "/mnt/nas-01/kho", snapshot + "0123456789abcdef0123456789abcdef0123456789ab", taken, "latest", files, bytes,
        restoredFiles, restoredBytes, restoredFiles - damaged, restoredBytes - damaged * 4096L, bad);
  }

  private static Objective objective(long target, long measured, boolean met) {
    return new Objective(target, BigDecimal.valueOf(measured), met);
  }

  /** {@code s} with its items renamed, in order, to {@code items}. */
  public static DrillStatement forItems(DrillStatement s, String... items) {
    List<Item> renamed = new java.util.ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      Item it = s.items().get(i % s.items().size());
      renamed.add(new Item(items[i], it.repository(), it.target(), it.snapshot(), it.snapshotTime(), it.choice(), it.filesInSnapshot(),
          it.bytesInSnapshot(), it.filesRestored(), it.bytesRestored(), it.filesVerified(), it.bytesVerified(),
          it.damaged()));
    }
    return new DrillStatement(s.type(), s.id(), s.repository(), s.target(), s.plan(), s.description(), s.host(),
        s.operator(), s.witness(), s.started(), s.finished(), s.outcome(), s.reasons(), s.corrective(), s.seed(),
        s.slice(), renamed, s.rto(), s.rpo(), s.commands());
  }

  /** The record a drill engine signs: the statement text and its signature under {@code key}. */
  public static EvidenceRecord sign(DrillStatement s, SigningKey key) {
    String statement = s.json();
    byte[] sig = key.sign(statement.getBytes(StandardCharsets.UTF_8));
    return new EvidenceRecord(statement, key.verifying().fingerprint(), Base64.getEncoder().encodeToString(sig));
  }

  /** The envelope JSON text, as the state store keeps it. */
  public static String envelope(EvidenceRecord rec) {
    try {
      return MAPPER.writeValueAsString(rec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
