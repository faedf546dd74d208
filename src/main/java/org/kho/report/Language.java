package org.kho.report;

import java.util.Arrays;
import java.util.Locale;
import org.kho.core.UsageException;

/** The languages reports are written in. */
public enum Language {
  VI(Locale.forLanguageTag("vi-VN")), EN(Locale.forLanguageTag("en-GB"));

  private final Locale locale;

  Language(Locale locale) {
    this.locale = locale;
  }

  public Locale locale() {
    return locale;
  }

  /** The code in file names and options: {@code vi}, {@code en}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The language with code {@code code}. */
  public static Language of(String code) {
    return Arrays.stream(values()).filter(l -> l.code().equalsIgnoreCase(code.strip())).findFirst()
        .orElseThrow(() -> new UsageException("no report language '" + code + "'", "Kho writes reports in vi and en"));
  }
}
