package org.kho.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The history of runs: one row written when a run starts, completed when it ends. */
public final class RunHistory {
  private static final int TEXT = 4000;
  private static final String COLUMNS = "id, action, subject, cause, scheduled_for, started_at, finished_at, outcome, "
      + "node, files, bytes, bytes_added, detail, error";

  private final DataSource db;
  private final Clock clock;

  RunHistory(DataSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Records that a run starts now; returns its id, for {@link #finish}. */
  public long start(Run.Start start) {
    String sql = "INSERT INTO kho_run (action, subject, cause, scheduled_for, started_at, outcome, node) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)";
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, start.action());
      s.setString(2, start.subject());
      s.setString(3, start.cause().name());
      setTime(s, 4, start.scheduledFor().orElse(null));
      setTime(s, 5, clock.instant());
      s.setString(6, Run.Outcome.RUNNING.name());
      s.setString(7, clip(start.node(), 200));
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw StateStore.failure("record the start of " + start.action() + " " + start.subject(), e);
    }
  }

  /** Records how run {@code id} ended, now. */
  public void finish(long id, Run.End end) {
    String sql = "UPDATE kho_run SET finished_at = ?, outcome = ?, files = ?, bytes = ?, bytes_added = ?, detail = ?, "
        + "error = ? WHERE id = ?";
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      setTime(s, 1, clock.instant());
      s.setString(2, end.outcome().name());
      s.setLong(3, end.figures().files());
      s.setLong(4, end.figures().bytes());
      s.setLong(5, end.figures().bytesAdded());
      s.setString(6, clip(end.detail(), TEXT));
      s.setString(7, clip(end.error(), TEXT));
      s.setLong(8, id);
      s.executeUpdate();
    } catch (SQLException e) {
      throw StateStore.failure("record the end of run " + id, e);
    }
  }

  /**
   * Marks the runs of {@code action} on {@code subject} still shown as running on {@code node}
   * (or on any node when {@code node} is empty) as interrupted: their process died. Returns how many.
   */
  public int interrupted(String action, String subject, Optional<String> node, String why) {
    String sql = "UPDATE kho_run SET outcome = ?, finished_at = ?, error = ? WHERE action = ? AND subject = ? "
        + "AND outcome = ?" + (node.isPresent() ? " AND node = ?" : "");
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, Run.Outcome.INTERRUPTED.name());
      setTime(s, 2, clock.instant());
      s.setString(3, clip(why, TEXT));
      s.setString(4, action);
      s.setString(5, subject);
      s.setString(6, Run.Outcome.RUNNING.name());
      if (node.isPresent()) {
        s.setString(7, node.get());
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw StateStore.failure("mark interrupted runs of " + action + " " + subject, e);
    }
  }

  /** The latest run of {@code action} on {@code subject} that ended with one of {@code outcomes}. */
  public Optional<Run> last(String action, String subject, Run.Outcome... outcomes) {
    String in = String.join(", ", java.util.Collections.nCopies(outcomes.length, "?"));
    String[] args = new String[outcomes.length + 2];
    args[0] = action;
    args[1] = subject;
    for (int i = 0; i < outcomes.length; i++) {
      args[i + 2] = outcomes[i].name();
    }
    return query("WHERE action = ? AND subject = ? AND outcome IN (" + in + ") ORDER BY started_at DESC, id DESC", 1,
        args).stream().findFirst();
  }

  /** Marks every run still shown as running on {@code node} as interrupted: that node restarted. */
  public int interruptedOn(String node, String why) {
    String sql = "UPDATE kho_run SET outcome = ?, finished_at = ?, error = ? WHERE node = ? AND outcome = ?";
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, Run.Outcome.INTERRUPTED.name());
      setTime(s, 2, clock.instant());
      s.setString(3, clip(why, TEXT));
      s.setString(4, node);
      s.setString(5, Run.Outcome.RUNNING.name());
      return s.executeUpdate();
    } catch (SQLException e) {
      throw StateStore.failure("mark the interrupted runs of " + node, e);
    }
  }

  /** The latest {@code limit} runs of {@code action} on {@code subject}, newest first. */
  public List<Run> recent(String action, String subject, int limit) {
    return query("WHERE action = ? AND subject = ? ORDER BY started_at DESC, id DESC", limit, action, subject);
  }

  /** The latest {@code limit} runs of everything, newest first. */
  public List<Run> recent(int limit) {
    return query("ORDER BY started_at DESC, id DESC", limit);
  }

  /** The runs that started in [{@code from}, {@code to}), oldest first: what a report over a period reads. */
  public List<Run> between(Instant from, Instant to) {
    String sql = "SELECT " + COLUMNS + " FROM kho_run WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id";
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      setTime(s, 1, from);
      setTime(s, 2, to);
      List<Run> runs = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          runs.add(run(r));
        }
      }
      return runs;
    } catch (SQLException e) {
      throw StateStore.failure("read the run history", e);
    }
  }

  private List<Run> query(String where, int limit, String... args) {
    String sql = "SELECT " + COLUMNS + " FROM kho_run " + where + " FETCH FIRST " + limit + " ROWS ONLY";
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setString(i + 1, args[i]);
      }
      List<Run> runs = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          runs.add(run(r));
        }
      }
      return runs;
    } catch (SQLException e) {
      throw StateStore.failure("read the run history", e);
    }
  }

  private static Run run(ResultSet r) throws SQLException {
    return new Run(r.getLong("id"), r.getString("action"), r.getString("subject"),
        Run.Cause.valueOf(r.getString("cause")), time(r, "scheduled_for"), time(r, "started_at").orElseThrow(),
        time(r, "finished_at"), Run.Outcome.valueOf(r.getString("outcome")), r.getString("node"),
        new Run.Figures(r.getLong("files"), r.getLong("bytes"), r.getLong("bytes_added")),
        orEmpty(r.getString("detail")), orEmpty(r.getString("error")));
  }

  static void setTime(PreparedStatement s, int index, Instant at) throws SQLException {
    if (at == null) {
      s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      s.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }
  }

  static Optional<Instant> time(ResultSet r, String column) throws SQLException {
    OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
    return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
  }

  static String clip(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
