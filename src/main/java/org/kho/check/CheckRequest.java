package org.kho.check;

/**
 * How deep to check.
 *
 * @param readPercent the share of packs to read in full and verify: 0 for structure only, 100 for
 *     {@code --read-data}, anything between for {@code --read-data-subset N%}
 */
public record CheckRequest(int readPercent) {
  public CheckRequest {
    if (readPercent < 0 || readPercent > 100) {
      throw new IllegalArgumentException("a percentage is between 0 and 100");
    }
  }
}
