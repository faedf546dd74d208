package org.kho.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The retention decision against a golden file: a table of dated snapshots, each line with the
 * decision expected after {@code ->}. Run with {@code -Dkho.golden.update=true} to rewrite the
 * expected column after a deliberate change, then review the diff.
 */
class RetentionPlannerTest {
  private static final Path GOLDEN = Path.of("src/test/resources/org/kho/plan/retention-golden.txt");
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

  @Test
  void decisionsMatchTheGoldenFile() throws IOException {
    List<String> lines = Files.readAllLines(GOLDEN, StandardCharsets.UTF_8);
    Golden golden = Golden.parse(lines);
    List<KeepDecision> decisions = RetentionPlanner.decide(golden.snapshots, s -> Optional.ofNullable(golden.rules.get(s.item())),
        false, new Protections(golden.holds, golden.drills), golden.now);
    Map<String, KeepDecision> byId = new HashMap<>();
    decisions.forEach(d -> byId.put(d.snapshot().id(), d));
    List<String> rendered = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("snapshot ")) {
        String input = line.contains("->") ? line.substring(0, line.indexOf("->")).stripTrailing() : line;
        KeepDecision d = byId.get(input.split("\\s+")[1]);
        rendered.add(String.format("%-58s -> %s%s", input, d.keep() ? "keep" : "forget",
            d.keep() ? ": " + String.join("; ", d.reasons()) : ""));
      } else {
        rendered.add(line);
      }
    }
    if (Boolean.getBoolean("kho.golden.update")) {
      Files.write(GOLDEN, rendered, StandardCharsets.UTF_8);
    }
    assertThat(String.join("\n", rendered)).isEqualTo(String.join("\n", lines));
  }

  @Test
  void aHeldSnapshotIsKeptEvenWhenTheRulesKeepOnlyTheNewest() {
    List<SnapshotFacts> snaps = List.of(snap("old", "2026-01-01 10:00"), snap("new", "2026-11-01 10:00"));
    KeepRules lastOne = KeepRules.counts(1, 0, 0, 0, 0, 0, Optional.empty(), List.of(), HANOI);
    List<KeepDecision> d = RetentionPlanner.decide(snaps, s -> Optional.of(lastOne), false,
        new Protections(Map.of("old", "inspection 2026"), List.of()), Instant.parse("2026-11-21T05:00:00Z"));
    assertThat(d).extracting(x -> x.snapshot().id() + " " + x.reasons())
        .containsExactly("new [last 1]", "old [legal hold: inspection 2026]");
  }

  @Test
  void aGroupWithoutRulesKeepsEverything() {
    List<KeepDecision> d = RetentionPlanner.decide(List.of(snap("x", "2020-01-01 00:00")), s -> Optional.empty(), false,
        Protections.NONE, Instant.parse("2026-11-21T05:00:00Z"));
    assertThat(d.getFirst().keep()).isTrue();
  }

  private static SnapshotFacts snap(String id, String local) {
    return new SnapshotFacts(id, LocalDateTime.parse(local, LOCAL).atZone(HANOI).toInstant(), "h", "docs", List.of("/srv"),
        List.of());
  }

  /** The inputs a golden file holds. */
  private record Golden(Instant now, Map<String, KeepRules> rules, Map<String, String> holds,
      List<Protections.Drill> drills, List<SnapshotFacts> snapshots) {

    static Golden parse(List<String> lines) {
      Golden g = new Golden(null, new HashMap<>(), new HashMap<>(), new ArrayList<>(), new ArrayList<>());
      Instant now = null;
      for (String line : lines) {
        String[] w = line.split("\\s+");
        switch (w[0]) {
          case "now" -> now = local(w[1] + " " + w[2]);
          case "rules" -> g.rules.put(w[1], rules(Arrays.copyOfRange(w, 2, w.length)));
          case "hold" -> g.holds.put(w[1], line.substring(line.indexOf(w[1]) + w[1].length()).strip());
          case "drill" -> g.drills.add(new Protections.Drill(w[1], local(w[2] + " " + w[3]), w[4].equals("passed")));
          case "snapshot" -> g.snapshots.add(new SnapshotFacts(w[1], local(w[2] + " " + w[3]), "host", w[4], List.of("/srv"),
              w.length > 5 && !w[5].equals("->") && !w[5].equals("-") ? List.of(w[5].split(",")) : List.of()));
          default -> {
            // comments and blank lines
          }
        }
      }
      return new Golden(now, g.rules, g.holds, g.drills, g.snapshots);
    }

    private static Instant local(String text) {
      return LocalDateTime.parse(text, LOCAL).atZone(HANOI).toInstant();
    }

    /** {@code last=1 daily=3 … within=10d tags=a,b floor=3mo}. */
    private static KeepRules rules(String[] settings) {
      Map<String, String> s = new HashMap<>();
      for (String kv : settings) {
        s.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
      }
      KeepRules counts = KeepRules.counts(n(s, "last"), n(s, "hourly"), n(s, "daily"), n(s, "weekly"), n(s, "monthly"),
          n(s, "yearly"), Optional.ofNullable(s.get("within")).map(org.kho.catalogue.Spans::period),
          s.containsKey("tags") ? List.of(s.get("tags").split(",")) : List.of(), HANOI);
      Optional<Period> floor = Optional.ofNullable(s.get("floor")).map(org.kho.catalogue.Spans::period);
      return new KeepRules(counts.retention(), floor, "policy level 3", HANOI);
    }

    private static int n(Map<String, String> s, String key) {
      return Integer.parseInt(s.getOrDefault(key, "0"));
    }
  }
}
