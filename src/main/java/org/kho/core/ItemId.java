package org.kho.core;

/** Identifies one item of a catalogue. */
public record ItemId(String value) implements Comparable<ItemId> {
  /** Validates the id; see {@link Ids#rule()}. */
  public ItemId {
    Ids.require("item", value);
  }

  @Override
  public int compareTo(ItemId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
