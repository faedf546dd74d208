package org.kho.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Where each piece of evidence is: the signed records (snapshots, drill reports, log manifests,
 * wipe certificates) live on the targets; this index says which target holds which, so reports
 * need not list every target.
 */
public final class EvidenceIndex {
  private final DataSource db;
  private final Clock clock;

  EvidenceIndex(DataSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * One indexed record.
   *
   * @param kind {@code snapshot}, {@code drill}, {@code log-month}, {@code wipe} (a wipe certificate: subject
   *     the medium's serial, target the file copy, reference the certificate's id, the signed JSON kept too)
   * @param reference the record's id on the target (e.g. a snapshot id)
   */
  public record Entry(String kind, String subject, String target, String reference, boolean signed, Instant recordedAt,
      Optional<Long> run) {}

  /** Adds a record written now (by run {@code run}, if a run wrote it). */
  public void add(String kind, String subject, String target, String reference, boolean signed, Optional<Long> run) {
    add(kind, subject, target, reference, signed, run, Optional.empty());
  }

  /**
   * Adds a record written now, keeping {@code document} (the signed record's text, e.g. a wipe
   * certificate's JSON envelope) in the database too. Texts longer than a column are clipped,
   * except the document, which is kept whole.
   */
  public void add(String kind, String subject, String target, String reference, boolean signed, Optional<Long> run,
      Optional<String> document) {
    String sql = "INSERT INTO kho_evidence (kind, subject, target, reference, signed, recorded_at, run_id, document) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, RunHistory.clip(kind, 32));
      s.setString(2, RunHistory.clip(subject, 200));
      s.setString(3, RunHistory.clip(target, 200));
      s.setString(4, RunHistory.clip(reference, 200));
      s.setBoolean(5, signed);
      RunHistory.setTime(s, 6, clock.instant());
      if (run.isPresent()) {
        s.setLong(7, run.get());
      } else {
        s.setNull(7, Types.BIGINT);
      }
      s.setString(8, document.orElse(null));
      s.executeUpdate();
    } catch (SQLException e) {
      throw StateStore.failure("index evidence " + reference, e);
    }
  }

  /** The documents kept with the records of {@code kind}, oldest first (records without one are left out). */
  public List<String> documents(String kind) {
    String sql = "SELECT document FROM kho_evidence WHERE kind = ? AND document IS NOT NULL ORDER BY recorded_at, id";
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, kind);
      List<String> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw StateStore.failure("read the evidence index", e);
    }
  }

  /** The records of {@code kind} recorded in [{@code from}, {@code to}), oldest first. */
  public List<Entry> between(String kind, Instant from, Instant to) {
    String sql = "SELECT kind, subject, target, reference, signed, recorded_at, run_id FROM kho_evidence "
        + "WHERE kind = ? AND recorded_at >= ? AND recorded_at < ? ORDER BY recorded_at, id";
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, kind);
      RunHistory.setTime(s, 2, from);
      RunHistory.setTime(s, 3, to);
      return entries(s);
    } catch (SQLException e) {
      throw StateStore.failure("read the evidence index", e);
    }
  }

  /** The records about {@code subject}, newest first, at most {@code limit}. */
  public List<Entry> about(String subject, int limit) {
    String sql = "SELECT kind, subject, target, reference, signed, recorded_at, run_id FROM kho_evidence "
        + "WHERE subject = ? ORDER BY recorded_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY";
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, subject);
      return entries(s);
    } catch (SQLException e) {
      throw StateStore.failure("read the evidence index", e);
    }
  }

  private static List<Entry> entries(PreparedStatement s) throws SQLException {
    List<Entry> out = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        long run = r.getLong("run_id");
        Optional<Long> byRun = r.wasNull() ? Optional.empty() : Optional.of(run);
        out.add(new Entry(r.getString("kind"), r.getString("subject"), r.getString("target"),
            r.getString("reference"), r.getBoolean("signed"), RunHistory.time(r, "recorded_at").orElseThrow(),
            byRun));
      }
    }
    return out;
  }
}
