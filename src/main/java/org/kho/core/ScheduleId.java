package org.kho.core;

/** Identifies one schedule of a catalogue. */
public record ScheduleId(String value) implements Comparable<ScheduleId> {
  /** Validates the id; see {@link Ids#rule()}. */
  public ScheduleId {
    Ids.require("schedule", value);
  }

  @Override
  public int compareTo(ScheduleId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
