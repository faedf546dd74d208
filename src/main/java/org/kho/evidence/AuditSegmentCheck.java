package org.kho.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and checks the audit-log segment of an evidence bundle: every line an entry whose hash is
 * right, entries numbered one after another, each following the one before it, the first following
 * the hash the signed manifest says came before the segment, the last the hash it says ends it, and
 * every entry written in the period.
 */
final class AuditSegmentCheck {
  private AuditSegmentCheck() {}

  /** The lines of a segment, as written. */
  static byte[] write(List<AuditLine> lines) {
    StringBuilder out = new StringBuilder();
    for (AuditLine line : lines) {
      try {
        out.append(Envelopes.MAPPER.writeValueAsString(line)).append('\n');
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Every problem of {@code bytes} as a segment from {@code before} to {@code last} in {@code period}. */
  static List<String> problems(byte[] bytes, String before, String last, long count, Period period) {
    List<String> problems = new ArrayList<>();
    String previous = before;
    long expected = -1;
    int lineNo = 0;
    long entries = 0;
    for (String text : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      lineNo++;
      if (text.isBlank()) {
        continue;
      }
      AuditLine line;
      try {
        line = Envelopes.MAPPER.readValue(text, AuditLine.class);
      } catch (JsonProcessingException e) {
        problems.add("line " + lineNo + " is not an audit entry");
        continue;
      }
      entries++;
      if (expected >= 0 && line.seq() != expected) {
        problems.add("entry " + line.seq() + " comes where entry " + expected + " should (entries removed or reordered)");
      }
      if (!line.previous().equals(previous)) {
        problems.add("entry " + line.seq() + " does not follow the entry before it");
      }
      if (!line.intact()) {
        problems.add("entry " + line.seq() + " was changed: its fields no longer give its hash");
      }
      if (!period.contains(line.at())) {
        problems.add("entry " + line.seq() + " was written at " + line.at() + ", outside the period");
      }
      previous = line.hash();
      expected = line.seq() + 1;
    }
    if (entries != count) {
      problems.add("the segment holds " + entries + " entries, the manifest says " + count);
    }
    if (!previous.equals(last)) {
      problems.add("the segment does not end with the hash the manifest says (" + last + ")");
    }
    return problems;
  }
}
