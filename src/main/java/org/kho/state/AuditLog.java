package org.kho.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.kho.core.AuditChain;

/**
 * The append-only audit log: who did what, to what, when. Each entry carries the SHA-256 of the
 * previous entry's hash and its own fields, so an edited, removed or reordered entry breaks the
 * chain at that position, and {@link #verify()} finds it. A head row points at the last entry, so
 * that removing entries from the end shows too.
 */
public final class AuditLog {
  static final String GENESIS = AuditChain.GENESIS;
  private static final int VERIFY_BATCH = 1000;

  private final DataSource db;
  private final Clock clock;

  AuditLog(DataSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** One entry. */
  public record Entry(long seq, Instant at, String actor, String action, String subject, String detail) {}

  /** Something {@link #verify()} found wrong, at entry {@code seq}. */
  public record Break(long seq, String what) {}

  /** What {@link #verify()} found: how many entries it checked and every break in the chain. */
  public record Verification(long entries, List<Break> breaks) {
    public boolean intact() {
      return breaks.isEmpty();
    }
  }

  /**
   * Appends an entry now and returns it. Concurrent writers (several daemons on one database) take
   * turns on the head row, so the chain stays one line.
   */
  public Entry append(String actor, String action, String subject, String detail) {
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        Entry entry = appendLocked(c, at, actor, action, subject, detail);
        c.commit();
        return entry;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw StateStore.failure("append to the audit log", e);
    }
  }

  private static Entry appendLocked(Connection c, Instant at, String actor, String action, String subject,
      String detail) throws SQLException {
    long last;
    String previous;
    try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM kho_audit_head WHERE id = 1 FOR UPDATE");
        ResultSet r = s.executeQuery()) {
      r.next();
      last = r.getLong(1);
      previous = r.getString(2);
    }
    Entry entry = new Entry(last + 1, at, RunHistory.clip(actor, 200), RunHistory.clip(action, 100),
        RunHistory.clip(subject, 200), RunHistory.clip(detail, 4000));
    String hash = hash(previous, entry);
    try (PreparedStatement s = c.prepareStatement("INSERT INTO kho_audit (seq, at, actor, action, subject, detail, "
        + "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, entry.seq());
      RunHistory.setTime(s, 2, entry.at());
      s.setString(3, entry.actor());
      s.setString(4, entry.action());
      s.setString(5, entry.subject());
      s.setString(6, entry.detail());
      s.setString(7, previous);
      s.setString(8, hash);
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement("UPDATE kho_audit_head SET seq = ?, hash = ? WHERE id = 1")) {
      s.setLong(1, entry.seq());
      s.setString(2, hash);
      s.executeUpdate();
    }
    return entry;
  }

  /** The latest {@code limit} entries, newest first. */
  public List<Entry> recent(int limit) {
    String sql = "SELECT seq, at, actor, action, subject, detail FROM kho_audit ORDER BY seq DESC FETCH FIRST "
        + limit + " ROWS ONLY";
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      List<Entry> entries = new ArrayList<>();
      while (r.next()) {
        entries.add(entry(r));
      }
      return entries;
    } catch (SQLException e) {
      throw StateStore.failure("read the audit log", e);
    }
  }

  /** An entry with the chain hashes stored with it: the previous entry's hash and its own. */
  public record Linked(Entry entry, String previous, String hash) {}

  /**
   * The entries written in [{@code from}, {@code to}), in order, with their chain hashes, and the hash
   * of the entry just before them ({@link AuditChain#GENESIS} when none), so that whoever holds only
   * the segment can check that it is one unbroken piece of the chain.
   */
  public record Segment(String before, List<Linked> entries) {
    public Segment {
      entries = List.copyOf(entries);
    }
  }

  /** The segment of entries written from {@code from} (inclusive) to {@code to} (exclusive). */
  public Segment segment(Instant from, Instant to) {
    try (Connection c = db.getConnection()) {
      List<Linked> entries = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT seq, at, actor, action, subject, detail, prev_hash, hash "
          + "FROM kho_audit WHERE at >= ? AND at < ? ORDER BY seq")) {
        RunHistory.setTime(s, 1, from);
        RunHistory.setTime(s, 2, to);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            entries.add(new Linked(entry(r), r.getString("prev_hash"), r.getString("hash")));
          }
        }
      }
      return new Segment(entries.isEmpty() ? hashBefore(c, from) : entries.getFirst().previous(), entries);
    } catch (SQLException e) {
      throw StateStore.failure("read the audit log", e);
    }
  }

  private static String hashBefore(Connection c, Instant from) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT hash FROM kho_audit WHERE at < ? ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")) {
      RunHistory.setTime(s, 1, from);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : GENESIS;
      }
    }
  }

  /**
   * Walks the whole chain in order and reports every entry that is missing, was changed, or does
   * not follow the one before it, and a head that does not point at the last entry.
   */
  public Verification verify() {
    Walk walk = new Walk();
    try (Connection c = db.getConnection()) {
      long after = 0;
      int read;
      do {
        read = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT seq, at, actor, action, subject, detail, prev_hash, hash "
            + "FROM kho_audit WHERE seq > ? ORDER BY seq FETCH FIRST " + VERIFY_BATCH + " ROWS ONLY")) {
          s.setLong(1, after);
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              walk.next(entry(r), r.getString("prev_hash"), r.getString("hash"));
              after = r.getLong("seq");
              read++;
            }
          }
        }
      } while (read == VERIFY_BATCH);
      try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM kho_audit_head WHERE id = 1");
          ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          walk.breaks.add(new Break(walk.expected, "the head row is missing"));
        } else {
          walk.end(r.getLong(1), r.getString(2));
        }
      }
    } catch (SQLException e) {
      throw StateStore.failure("read the audit log", e);
    }
    return new Verification(walk.expected - 1, List.copyOf(walk.breaks));
  }

  /** The state of a walk along the chain. */
  private static final class Walk {
    final List<Break> breaks = new ArrayList<>();
    long expected = 1;
    String previous = GENESIS;

    void next(Entry e, String prevHash, String hash) {
      if (e.seq() != expected) {
        breaks.add(new Break(expected, e.seq() == expected + 1 ? "entry " + expected + " was removed"
            : "entries " + expected + " to " + (e.seq() - 1) + " were removed"));
      }
      if (!prevHash.equals(previous)) {
        breaks.add(new Break(e.seq(), "entry " + e.seq() + " does not follow the entry before it"));
      }
      if (!hash(prevHash, e).equals(hash)) {
        breaks.add(new Break(e.seq(), "entry " + e.seq() + " was changed after it was written"));
      }
      previous = hash;
      expected = e.seq() + 1;
    }

    void end(long headSeq, String headHash) {
      if (headSeq >= expected) {
        breaks.add(new Break(expected, headSeq == expected ? "entry " + expected + " (the last) was removed"
            : "entries " + expected + " to " + headSeq + " (the last) were removed"));
      } else if (headSeq < expected - 1) {
        breaks.add(new Break(headSeq + 1, "entries " + (headSeq + 1) + " to " + (expected - 1)
            + " were added behind the log's back (the head points at " + headSeq + ")"));
      } else if (!headHash.equals(previous)) {
        breaks.add(new Break(headSeq, "entry " + headSeq + " (the last) does not match the head of the log"));
      }
    }
  }

  private static Entry entry(ResultSet r) throws SQLException {
    return new Entry(r.getLong("seq"), RunHistory.time(r, "at").orElseThrow(), r.getString("actor"),
        r.getString("action"), r.getString("subject"), r.getString("detail"));
  }

  /** SHA-256 over the previous hash and the entry's fields, each length-prefixed ({@link AuditChain}). */
  static String hash(String previous, Entry e) {
    return AuditChain.hash(previous, e.seq(), e.at().toEpochMilli(), e.actor(), e.action(), e.subject(), e.detail());
  }
}
