package org.kho.core;

/** Identifies one log source of a catalogue. */
public record LogSourceId(String value) implements Comparable<LogSourceId> {
  /** Validates the id; see {@link Ids#rule()}. */
  public LogSourceId {
    Ids.require("log source", value);
  }

  @Override
  public int compareTo(LogSourceId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
