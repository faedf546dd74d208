package org.kho.wipe;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kho.core.KhoException;
import org.kho.crypto.Sha256;

/**
 * Where an overwrite stands, saved at checkpoints (after the data before it was flushed to the
 * device), so that an interrupted wipe leaves a record and resumes where it stopped. One JSON file
 * per device, named for its identity; removed when the wipe ends.
 */
public final class Journal {
  static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private final Path dir;

  public Journal(Path dir) {
    this.dir = dir;
  }

  /**
   * The state of one overwrite.
   *
   * @param device the device path when it started
   * @param serial what identifies the medium ({@link Device#identity()})
   * @param size its size in bytes
   * @param method the method's label
   * @param verify the verification mode
   * @param seeds per pass, the keystream seed (hex) of a random pass, "" for a fill
   * @param pass the pass in progress (0-based); equal to the number of passes when all are done
   * @param verifying whether the pass is being verified (its writing is done)
   * @param offset how far the pass or its verification got, in bytes, all flushed
   * @param started when the wipe started
   * @param interruptions how many times it was interrupted and resumed
   * @param verified bytes verified so far
   * @param mismatched bytes that did not read back as written, so far
   * @param firstMismatch the lowest device offset of a mismatch, or -1
   */
  public record State(String device, String serial, long size, String method, Verify verify, List<String> seeds,
      int pass, boolean verifying, long offset, Instant started, int interruptions, long verified, long mismatched,
      long firstMismatch) {
    public State {
      seeds = List.copyOf(seeds);
    }

    State at(int pass, boolean verifying, long offset) {
      return new State(device, serial, size, method, verify, seeds, pass, verifying, offset, started, interruptions,
          verified, mismatched, firstMismatch);
    }

    State interrupted() {
      return new State(device, serial, size, method, verify, seeds, pass, verifying, offset, started, interruptions + 1,
          verified, mismatched, firstMismatch);
    }

    State tally(long verifiedBytes, long mismatchedBytes, long mismatchAt) {
      long first = firstMismatch >= 0 || mismatchAt < 0 ? firstMismatch : mismatchAt;
      return new State(device, serial, size, method, verify, seeds, pass, verifying, offset, started, interruptions,
          verified + verifiedBytes, mismatched + mismatchedBytes, first);
    }
  }

  /** The unfinished wipe of the medium {@code serial} ({@link Device#identity()}) of {@code size} bytes, if any. */
  public Optional<State> find(String serial, long size) {
    Path f = file(serial, size);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(MAPPER.readValue(Files.readString(f, StandardCharsets.UTF_8), State.class));
    } catch (IOException e) {
      throw new KhoException("the record of an interrupted wipe, " + f + ", cannot be read: " + e.getMessage(),
          "move it away to start the wipe over (--restart)");
    }
  }

  /** Saves {@code s}, replacing the device's earlier record atomically. */
  void save(State s) {
    Path f = file(s.serial(), s.size());
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".journal", ".tmp");
      Files.writeString(tmp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(s), StandardCharsets.UTF_8);
      try {
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new KhoException("cannot save the wipe's progress in " + dir + ": " + e.getMessage(),
          "check that the register folder is writable");
    }
  }

  /** Forgets the device's record: its wipe ended, or the operator starts over. */
  public void remove(String serial, long size) {
    try {
      Files.deleteIfExists(file(serial, size));
    } catch (IOException e) {
      throw new KhoException("cannot remove " + file(serial, size) + ": " + e.getMessage(), "remove it by hand");
    }
  }

  private Path file(String serial, long size) {
    return dir.resolve(Sha256.hex((serial + "\n" + size).getBytes(StandardCharsets.UTF_8)).substring(0, 16) + ".json");
  }
}
