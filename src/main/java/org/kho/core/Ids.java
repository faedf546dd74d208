package org.kho.core;

import java.util.regex.Pattern;

/** The one rule every identifier in a catalogue follows, shared by the typed id records. */
public final class Ids {
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private Ids() {}

  /** Whether {@code value} is a valid identifier: 1–64 of a-z 0-9 . _ -, starting with a letter or digit. */
  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  /** A sentence that says what a valid identifier looks like, for error messages. */
  public static String rule() {
    return "use 1-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";
  }

  static String require(String kind, String value) {
    if (!isValid(value)) {
      throw new IllegalArgumentException(kind + " id '" + value + "' is not valid: " + rule());
    }
    return value;
  }
}
