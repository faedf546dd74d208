package org.kho.drill;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The signed drill report, {@code kho.drill.v1}, field for field as DRILL-REPORT-CONTRACT.md fixes
 * it: the one model the drill engine writes and every reader (signature checks, renderers,
 * coverage, the compliance report, evidence bundles, the CLI) reads. Times are ISO-8601 instants;
 * measured times are decimal seconds to the millisecond ({@link #seconds(Duration)}), so a
 * sub-second RTO stays what it was. Absent values are left out of the JSON; read, fields a
 * statement lacks are null (lists: empty), and unknown fields are ignored, so reports signed by
 * older builds (whole-second or double measures, {@code "targetSeconds": null}) still read.
 *
 * @param id the report id: {@code <plan>-<yyyyMMdd'T'HHmmss'Z' of started>}
 * @param repository the repository id(s) the drill read from, comma-separated when several
 *     (each item names its own in {@link Item#repository()})
 * @param target the target id(s) the drill read from, comma-separated when several (each item
 *     names its own in {@link Item#target()})
 * @param reasons one sentence per reason for WARNED or FAILED; empty when PASSED
 * @param corrective one action per failure: what the officer should do
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"type", "id", "repository", "target", "plan", "description", "host", "operator", "witness",
    "started", "finished", "outcome", "reasons", "corrective", "seed", "slice", "items", "rto", "rpo", "commands"})
public record DrillStatement(String type, String id, String repository, String target, String plan,
    String description, String host, String operator, String witness, Instant started, Instant finished,
    Outcome outcome, List<String> reasons, List<String> corrective, long seed, SliceRef slice, List<Item> items,
    Objective rto, Objective rpo, List<Command> commands) {
  /** The statement's {@code type}. */
  public static final String TYPE = "kho.drill.v1";
  /** The most output of one step a report keeps: its tail, in characters. */
  public static final int OUTPUT_LIMIT = 8 * 1024;

  private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  /** Copies the lists; absent lists are empty, an absent slice is the whole (0 of 1). */
  public DrillStatement {
    reasons = copy(reasons);
    corrective = copy(corrective);
    items = copy(items);
    commands = copy(commands);
    slice = slice == null ? new SliceRef(0, 1) : slice;
  }

  /** How a drill ended. */
  public enum Outcome {
    /** Every sampled file restored and matched, every step passed, the targets were met. */
    PASSED,
    /** Everything verified, but the RTO or RPO target was missed. */
    WARNED,
    /** A file was damaged, missing or different, a restore failed, or a step failed. */
    FAILED;

    /** Whether the drill proved the data restores (PASSED or WARNED). */
    public boolean restored() {
      return this != FAILED;
    }
  }

  /** Which slice of the rolling selection the drill restored. */
  public record SliceRef(int index, int count) {}

  /**
   * One item drilled: the snapshot restored, where from, and what was found.
   *
   * @param repository the id of the repository it was restored from (absent in reports of older builds)
   * @param target the id of the target it was restored from (absent in reports of older builds)
   * @param snapshotTime when the snapshot was taken
   * @param choice {@code latest}, {@code random} or {@code oldest}
   * @param damaged {@code "<path>: <what is wrong>"} for each file that did not restore as recorded
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonPropertyOrder({"item", "repository", "target", "snapshot", "snapshotTime", "choice", "filesInSnapshot", "bytesInSnapshot",
      "filesRestored", "bytesRestored", "filesVerified", "bytesVerified", "damaged"})
  public record Item(String item, String repository, String target, String snapshot, Instant snapshotTime,
      String choice, long filesInSnapshot, long bytesInSnapshot, long filesRestored, long bytesRestored,
      long filesVerified, long bytesVerified, List<String> damaged) {
    /** Copies the list; an absent one is empty. */
    public Item {
      damaged = copy(damaged);
    }

    /** The first 8 characters of the snapshot id. */
    public String shortSnapshot() {
      return snapshot == null ? "-" : snapshot.substring(0, Math.min(8, snapshot.length()));
    }
  }

  /**
   * A time objective (RTO or RPO): the target, absent when none is set, what was measured, and
   * whether it was met.
   *
   * @param measuredSeconds decimal seconds, to the millisecond
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonPropertyOrder({"targetSeconds", "measuredSeconds", "met"})
  public record Objective(Long targetSeconds, BigDecimal measuredSeconds, boolean met) {
    /** An absent measure is zero. */
    public Objective {
      measuredSeconds = measuredSeconds == null ? BigDecimal.ZERO : measuredSeconds;
    }

    /** Met when no target is set, or the measure is within it. */
    public static Objective of(Optional<Duration> target, Duration measured) {
      return new Objective(target.map(Duration::toSeconds).orElse(null), seconds(measured),
          target.map(t -> measured.compareTo(t) <= 0).orElse(true));
    }

    /** The target, when one is set. */
    public Optional<Duration> target() {
      return Optional.ofNullable(targetSeconds).map(Duration::ofSeconds);
    }

    /** What was measured, to the millisecond. */
    public Duration measured() {
      return duration(measuredSeconds);
    }
  }

  /**
   * One verification step run: its words, how it ended, how long it took (decimal seconds, to the
   * millisecond), and the tail of its output (secrets blanked).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonPropertyOrder({"name", "command", "exit", "seconds", "passed", "output"})
  public record Command(String name, List<String> command, int exit, BigDecimal seconds, boolean passed,
      String output) {
    /** Copies the words and keeps at most {@link #OUTPUT_LIMIT} characters of output: its end. */
    public Command {
      command = copy(command);
      seconds = seconds == null ? BigDecimal.ZERO : seconds;
      output = output == null ? "" : output.length() <= OUTPUT_LIMIT ? output
          : "…" + output.substring(output.length() - OUTPUT_LIMIT + 1);
    }

    /** How long the step took. */
    public Duration took() {
      return duration(seconds);
    }
  }

  /** {@code d} as decimal seconds to the millisecond, without trailing zeros: 0.034, 12, 1.5. */
  public static BigDecimal seconds(Duration d) {
    BigDecimal s = BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** Decimal seconds as a duration, rounded to the millisecond. */
  public static Duration duration(BigDecimal seconds) {
    return Duration.ofMillis(seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact());
  }

  /** Whether both time objectives were met (an objective the statement lacks counts as met). */
  public boolean objectivesMet() {
    return (rto == null || rto.met()) && (rpo == null || rpo.met());
  }

  /** Files verified over every item. */
  public long filesVerified() {
    return items.stream().mapToLong(Item::filesVerified).sum();
  }

  /** Bytes verified over every item. */
  public long bytesVerified() {
    return items.stream().mapToLong(Item::bytesVerified).sum();
  }

  /** The slice it restored, with its seed. */
  public Slice rollingSlice() {
    return new Slice(seed, slice.index(), slice.count());
  }

  /** The exact JSON text that is signed. */
  public String json() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a drill statement", e);
    }
  }

  /**
   * The drill report in signed statement text {@code json}, or empty when it is not a {@value #TYPE}
   * statement with an id, a plan and an outcome.
   */
  public static Optional<DrillStatement> parse(String json) {
    try {
      DrillStatement s = MAPPER.readValue(json, DrillStatement.class);
      boolean whole = s != null && TYPE.equals(s.type()) && s.id() != null && s.plan() != null && s.outcome() != null;
      return whole ? Optional.of(s) : Optional.empty();
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
