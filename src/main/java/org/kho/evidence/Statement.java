package org.kho.evidence;

import org.kho.drill.DrillStatement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.kho.logarchive.Manifest;
import org.kho.repository.SnapshotStatement;

/**
 * The facts of a signed statement that verification reads: every statement has a type; a snapshot
 * statement also names its repository and snapshot object; a drill report ({@value DrillStatement#TYPE})
 * its id, its plan (as the item), when it finished (as the time) and {@code started}; a wipe certificate
 * when it {@code started}; a log-month manifest which {@code month} it seals. Fields a statement lacks are
 * null.
 */
record Statement(String type, String repository, String snapshot, String time, String host, String item,
    String started, String month, String id) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The statement in {@code json}, or empty when it is not a JSON object with a textual type. */
  static Optional<Statement> parse(String json) {
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (n == null || !n.isObject() || !n.path("type").isTextual()) {
      return Optional.empty();
    }
    String item = text(n, "item") != null ? text(n, "item") : text(n, "plan");
    return Optional.of(new Statement(text(n, "type"), text(n, "repository"), text(n, "snapshot"), time(n),
        text(n, "host"), item, text(n, "started"), text(n, "month"), text(n, "id")));
  }

  /**
   * What the statement says it is, for people: "drill report ID" for a drill report, else its type.
   * A statement that fails verification is named by what it claims, so the officer can find it.
   */
  String describe() {
    return DrillStatement.TYPE.equals(type) ? "drill report " + (id == null ? "(no id)" : id) : type;
  }

  /** Whether it says a snapshot was forgotten by retention (so its absence is accounted for). */
  boolean forgets() {
    return org.kho.repository.RemovalStatement.FORGET.equals(type);
  }

  /**
   * Whether it attests a snapshot, and so must name an intact snapshot object: a snapshot
   * statement, or a log-month manifest of a month that has logs.
   */
  boolean aboutSnapshot() {
    return SnapshotStatement.TYPE.equals(type) || (Manifest.TYPE.equals(type) && snapshot != null);
  }

  EvidenceReport.Verified verified(String record, String copiedFrom) {
    return new EvidenceReport.Verified(record, type, time, host, item, snapshot, copiedFrom);
  }

  /** When it was made: {@code time}, else a drill report's {@code finished}, else {@code started}. */
  private static String time(JsonNode n) {
    for (String field : new String[] {"time", "finished", "started"}) {
      if (text(n, field) != null) {
        return text(n, field);
      }
    }
    return null;
  }

  private static String text(JsonNode n, String field) {
    return n.path(field).isTextual() ? n.get(field).textValue() : null;
  }
}
