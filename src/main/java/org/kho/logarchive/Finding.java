package org.kho.logarchive;

import java.time.YearMonth;

/**
 * Something {@code kho logs verify} found wrong with a source's archive in one repository.
 *
 * @param month the month it concerns, or null when no month can be named
 */
public record Finding(YearMonth month, Kind kind, String detail) {
  /** What kind of fault. */
  public enum Kind {
    /** A manifest does not match its signature, or cannot be read. */
    ALTERED("manifest altered"),
    /** A month's manifest is gone from the middle of the chain, or removed before its retention end. */
    MISSING("manifest missing"),
    /** The chain's order does not follow the months. */
    REORDERED("out of order"),
    /** The month's snapshot or data is missing, altered or does not match the manifest. */
    DAMAGED("archive damaged"),
    /** A closed month after the first archived one has no manifest. */
    NOT_ARCHIVED("not archived");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
