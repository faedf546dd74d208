package org.kho.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.kho.crypto.VerifyingKey;
import org.kho.report.ComplianceReport.Coverage;
import org.kho.report.ComplianceReport.Drill;
import org.kho.report.ComplianceReport.Measure;

/**
 * Reads the signed drill reports of the state's evidence index (envelopes {@code {"statement",
 * "signer", "signature"}} whose statement is {@code kho.drill.v1}, see the drill report contract),
 * checking each signature when the agency's public key is known.
 */
final class DrillReports {
  static final String KIND = "drill";
  private static final ObjectMapper JSON = new ObjectMapper();

  private DrillReports() {}

  /** One drill report: the drill as reported for one of its items. */
  record Parsed(Drill drill, List<String> items, JsonNode statement) {
    Instant started() {
      return drill.started();
    }

    /** The drill as it concerns {@code item}: only that item's damaged files. */
    Drill forItem(String item) {
      List<String> damaged = new ArrayList<>();
      for (JsonNode i : statement.path("items")) {
        if (item.equals(i.path("item").asText())) {
          i.path("damaged").forEach(d -> damaged.add(d.asText()));
        }
      }
      Drill d = drill;
      return new Drill(d.id(), d.plan(), d.started(), d.finished(), d.outcome(), d.reasons(), d.corrective(),
          sum(item, "filesVerified"), sum(item, "bytesVerified"), damaged, d.rto(), d.rpo(), d.sliceIndex(),
          d.sliceCount(), d.signature());
    }

    private long sum(String item, String field) {
      long n = 0;
      for (JsonNode i : statement.path("items")) {
        if (item.equals(i.path("item").asText())) {
          n += i.path(field).asLong();
        }
      }
      return n;
    }
  }

  /** The drills among {@code drills} that covered {@code item}, each as it concerns that item. */
  static List<Drill> about(List<Parsed> drills, String item) {
    return drills.stream().filter(d -> d.items().contains(item)).map(d -> d.forItem(item)).toList();
  }

  /** Per plan, what the drills among {@code drills} (one period's, oldest first) proved of {@code item}. */
  static List<Coverage> coverage(List<Parsed> drills, String item) {
    Map<String, List<Parsed>> byPlan = new LinkedHashMap<>();
    drills.stream().filter(d -> d.items().contains(item))
        .forEach(d -> byPlan.computeIfAbsent(d.drill().plan(), p -> new ArrayList<>()).add(d));
    List<Coverage> out = new ArrayList<>();
    byPlan.forEach((plan, list) -> {
      long seed = list.getLast().statement().path("seed").asLong();
      List<Drill> mine = list.stream().map(d -> d.forItem(item)).toList();
      Set<Integer> slices = new HashSet<>();
      list.stream().filter(d -> d.statement().path("seed").asLong() == seed).forEach(d -> slices.add(d.drill().sliceIndex()));
      out.add(new Coverage(plan, mine.size(), (int) mine.stream().filter(Drill::passed).count(), slices.size(),
          list.getLast().drill().sliceCount(), mine.stream().mapToLong(Drill::filesVerified).sum(),
          mine.stream().mapToLong(Drill::bytesVerified).sum(),
          mine.stream().filter(Drill::passed).map(Drill::started).reduce((a, b) -> b)));
    });
    return out;
  }

  /**
   * The drill reports among {@code documents} that parse, oldest first; {@code unreadable} gets a
   * line for each that does not.
   */
  static List<Parsed> parse(List<String> documents, Optional<VerifyingKey> key, List<String> unreadable) {
    List<Parsed> out = new ArrayList<>();
    for (String document : documents) {
      try {
        JsonNode envelope = JSON.readTree(document);
        String text = envelope.path("statement").asText();
        JsonNode s = JSON.readTree(text);
        if (!"kho.drill.v1".equals(s.path("type").asText())) {
          unreadable.add("a drill record of type '" + s.path("type").asText() + "'");
          continue;
        }
        out.add(parsed(s, signature(envelope, text, key)));
      } catch (java.io.IOException | RuntimeException e) {
        unreadable.add("a drill record that is not a kho.drill.v1 envelope (" + e.getMessage() + ")");
      }
    }
    return out;
  }

  private static Parsed parsed(JsonNode s, String signature) {
    List<String> items = new ArrayList<>();
    s.path("items").forEach(i -> items.add(i.path("item").asText()));
    Drill d = new Drill(s.path("id").asText(), s.path("plan").asText(), Instant.parse(s.path("started").asText()),
        Instant.parse(s.path("finished").asText()), s.path("outcome").asText(), texts(s.path("reasons")),
        texts(s.path("corrective")), 0, 0, List.of(), measure(s.path("rto")), measure(s.path("rpo")),
        s.path("slice").path("index").asInt(0), s.path("slice").path("count").asInt(1), signature);
    return new Parsed(d, items, s);
  }

  private static Measure measure(JsonNode m) {
    Optional<Long> target = m.hasNonNull("targetSeconds") ? Optional.of(m.get("targetSeconds").asLong()) : Optional.empty();
    return new Measure(target, m.path("measuredSeconds").asLong(), m.path("met").asBoolean(true));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** {@code VALID}, {@code INVALID} or {@code NOT_CHECKED}. */
  static String signature(JsonNode envelope, String statement, Optional<VerifyingKey> key) {
    if (key.isEmpty()) {
      return "NOT_CHECKED";
    }
    try {
      boolean ok = key.get().fingerprint().equals(envelope.path("signer").asText())
          && key.get().verify(statement.getBytes(StandardCharsets.UTF_8),
          Base64.getDecoder().decode(envelope.path("signature").asText()));
      return ok ? "VALID" : "INVALID";
    } catch (IllegalArgumentException e) {
      return "INVALID";
    }
  }
}
