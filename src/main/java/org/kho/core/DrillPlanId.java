package org.kho.core;

/** Identifies one drill plan of a catalogue. */
public record DrillPlanId(String value) implements Comparable<DrillPlanId> {
  /** Validates the id; see {@link Ids#rule()}. */
  public DrillPlanId {
    Ids.require("drill plan", value);
  }

  @Override
  public int compareTo(DrillPlanId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
