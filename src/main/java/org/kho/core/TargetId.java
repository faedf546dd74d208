package org.kho.core;

/** Identifies one target of a catalogue. */
public record TargetId(String value) implements Comparable<TargetId> {
  /** Validates the id; see {@link Ids#rule()}. */
  public TargetId {
    Ids.require("target", value);
  }

  @Override
  public int compareTo(TargetId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
