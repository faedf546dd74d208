package org.kho.evidence;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The facts of a signed drill report, statement type {@value #TYPE}, as the drill report contract
 * writes them (see README "Drill reports"): what was restored from which snapshot, how much of it
 * verified, the time against the RTO/RPO targets, the commands run and the outcome with its reasons.
 * Read as written; fields a statement lacks are null (lists: empty).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DrillStatement(String type, String id, String repository, String target, String plan,
    String description, String host, String operator, String witness, Instant started, Instant finished,
    Outcome outcome, List<String> reasons, List<String> corrective, long seed, Slice slice, List<Item> items,
    Objective rto, Objective rpo, List<CommandRun> commands) {
  /** The statement type of drill reports. */
  public static final String TYPE = "kho.drill.v1";

  private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

  /** Copies the lists; absent lists are empty, an absent slice is the whole (0 of 1). */
  public DrillStatement {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    corrective = corrective == null ? List.of() : List.copyOf(corrective);
    items = items == null ? List.of() : List.copyOf(items);
    commands = commands == null ? List.of() : List.copyOf(commands);
    slice = slice == null ? new Slice(0, 1) : slice;
  }

  /** How a drill ended. */
  public enum Outcome {
    /** Every file verified, every command passed, the time targets were met. */
    PASSED,
    /** Everything verified, but an RTO or RPO target was missed. */
    WARNED,
    /** A file was damaged or missing, a restore failed, or a verification command failed. */
    FAILED;

    /** Whether the drill proved the data restores (PASSED or WARNED). */
    public boolean restored() {
      return this != FAILED;
    }
  }

  /** The rolling selection: files whose hash under {@code seed} falls in slice {@code index} of {@code count}. */
  public record Slice(int index, int count) {}

  /** What one item's drill restored and verified. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Item(String item, String snapshot, Instant snapshotTime, String choice, long filesInSnapshot,
      long bytesInSnapshot, long filesRestored, long bytesRestored, long filesVerified, long bytesVerified,
      List<String> damaged) {
    public Item {
      damaged = damaged == null ? List.of() : List.copyOf(damaged);
    }

    /** The first 8 characters of the snapshot id. */
    public String shortSnapshot() {
      return snapshot == null ? "-" : snapshot.substring(0, Math.min(8, snapshot.length()));
    }
  }

  /** A time objective (RTO or RPO): the target, if any, what was measured, and whether it was met. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Objective(Long targetSeconds, long measuredSeconds, boolean met) {
    public Optional<Duration> target() {
      return Optional.ofNullable(targetSeconds).map(Duration::ofSeconds);
    }

    public Duration measured() {
      return Duration.ofSeconds(measuredSeconds);
    }
  }

  /** A verification step the plan ran against the restored data. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CommandRun(String name, List<String> command, int exit, double seconds, boolean passed,
      String output) {
    public CommandRun {
      command = command == null ? List.of() : List.copyOf(command);
      output = output == null ? "" : output;
    }
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

  /**
   * The drill report in signed statement text {@code json}, or empty when it is not a {@value #TYPE}
   * statement with an id, a plan and an outcome.
   */
  public static Optional<DrillStatement> parse(String json) {
    try {
      DrillStatement s = MAPPER.readValue(json, DrillStatement.class);
      boolean whole = s != null && TYPE.equals(s.type()) && s.id() != null && s.plan() != null && s.outcome() != null;
      return whole ? Optional.of(s) : Optional.empty();
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The statement as JSON text, in the contract's field names (for tests and {@code --json}). */
  public String json() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
