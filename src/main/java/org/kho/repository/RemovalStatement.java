package org.kho.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The statements an evidence record signs when something is deliberately removed: a snapshot
 * forgotten by retention ({@value #FORGET}), a legal hold released ({@value #HOLD_RELEASED}).
 * An auditor then tells a snapshot removed by the rules from one deleted by someone else.
 */
public final class RemovalStatement {
  /** A snapshot forgotten: {@code snapshot} names the object that was deleted, {@code why} the decision. */
  public static final String FORGET = "kho.forget.v1";
  /** A legal hold released: {@code snapshot} it held, {@code why} the reason given for the release. */
  public static final String HOLD_RELEASED = "kho.hold-released.v1";

  private RemovalStatement() {}

  static String of(String type, String repository, String snapshot, Instant time, String host, String why) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("type", type);
    n.put("repository", repository);
    n.put("snapshot", snapshot);
    n.put("time", time.toString());
    n.put("host", host);
    n.put("why", why);
    try {
      return Json.MAPPER.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
