package org.kho.drill;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Optional;

/**
 * The signed drill report, {@code kho.drill.v1}, field for field as DRILL-REPORT-CONTRACT.md
 * fixes it. Times are ISO-8601 instants as text; absent values are left out of the JSON.
 *
 * @param id the report id: {@code <plan>-<yyyyMMdd'T'HHmmss'Z' of started>}
 * @param target the target id(s) the drill read from, comma-separated when several
 * @param reasons one sentence per reason for WARNED or FAILED; empty when PASSED
 * @param corrective one action per failure: what the officer should do
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "id", "repository", "target", "plan", "description", "host", "operator", "witness",
    "started", "finished", "outcome", "reasons", "corrective", "seed", "slice", "items", "rto", "rpo", "commands"})
public record DrillStatement(String type, String id, String repository, String target, String plan,
    String description, String host, String operator, String witness, String started, String finished,
    Outcome outcome, List<String> reasons, List<String> corrective, long seed, SliceRef slice, List<Item> items,
    Objective rto, Objective rpo, List<Command> commands) {
  /** The statement's {@code type}. */
  public static final String TYPE = "kho.drill.v1";
  /** The most output of one step a report keeps: its tail, in characters. */
  public static final int OUTPUT_LIMIT = 8 * 1024;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** Copies the lists. */
  public DrillStatement {
    reasons = List.copyOf(reasons);
    corrective = List.copyOf(corrective);
    items = List.copyOf(items);
    commands = List.copyOf(commands);
  }

  /** How a drill ended. */
  public enum Outcome {
    /** Every sampled file restored and matched, every step passed, the targets were met. */
    PASSED,
    /** Everything verified, but the RTO or RPO target was missed. */
    WARNED,
    /** A file was damaged, missing or different, a restore failed, or a step failed. */
    FAILED
  }

  /** Which slice of the rolling selection the drill restored. */
  public record SliceRef(int index, int count) {}

  /**
   * One item drilled: the snapshot restored and what was found.
   *
   * @param choice {@code latest}, {@code random} or {@code oldest}
   * @param damaged {@code "<path>: <what is wrong>"} for each file that did not restore as recorded
   */
  @JsonPropertyOrder({"item", "snapshot", "snapshotTime", "choice", "filesInSnapshot", "bytesInSnapshot",
      "filesRestored", "bytesRestored", "filesVerified", "bytesVerified", "damaged"})
  public record Item(String item, String snapshot, String snapshotTime, String choice, long filesInSnapshot,
      long bytesInSnapshot, long filesRestored, long bytesRestored, long filesVerified, long bytesVerified,
      List<String> damaged) {
    /** Copies the list. */
    public Item {
      damaged = List.copyOf(damaged);
    }
  }

  /** A time objective: the target (absent when none is set), what was measured, and whether it was met. */
  @JsonPropertyOrder({"targetSeconds", "measuredSeconds", "met"})
  public record Objective(Long targetSeconds, double measuredSeconds, boolean met) {
    /** Met when no target is set, or the measure is within it. */
    static Objective of(Optional<java.time.Duration> target, double measuredSeconds) {
      return new Objective(target.map(java.time.Duration::toSeconds).orElse(null), measuredSeconds,
          target.map(t -> measuredSeconds <= t.toSeconds()).orElse(true));
    }
  }

  /** One verification step run: its words, how it ended, and the tail of its output (secrets blanked). */
  @JsonPropertyOrder({"name", "command", "exit", "seconds", "passed", "output"})
  public record Command(String name, List<String> command, int exit, double seconds, boolean passed, String output) {
    /** Copies the words and keeps at most {@link #OUTPUT_LIMIT} characters of output: its end. */
    public Command {
      command = List.copyOf(command);
      output = output == null ? "" : output.length() <= OUTPUT_LIMIT ? output
          : "…" + output.substring(output.length() - OUTPUT_LIMIT + 1);
    }
  }

  /** The exact JSON text that is signed. */
  public String json() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a drill statement", e);
    }
  }

  /** The drill statement in {@code json}, or empty when it is not one. */
  public static Optional<DrillStatement> parse(String json) {
    try {
      DrillStatement s = MAPPER.readValue(json, DrillStatement.class);
      return s != null && TYPE.equals(s.type()) ? Optional.of(s) : Optional.empty();
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The slice it restored, with its seed. */
  public Slice rollingSlice() {
    return new Slice(seed, slice.index(), slice.count());
  }
}
