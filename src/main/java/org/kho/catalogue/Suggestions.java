package org.kho.catalogue;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the known name closest to a misspelt one, for "did you mean ...?" hints. */
final class Suggestions {
  private Suggestions() {}

  /** The candidate within a small edit distance of {@code wrong}, if any. */
  static Optional<String> closest(String wrong, Collection<String> candidates) {
    if (wrong == null) {
      return Optional.empty();
    }
    String w = wrong.toLowerCase(java.util.Locale.ROOT);
    int limit = Math.max(2, w.length() / 3);
    return candidates.stream()
        .filter(c -> distance(w, c.toLowerCase(java.util.Locale.ROOT)) <= limit)
        .min(Comparator.comparingInt(c -> distance(w, c.toLowerCase(java.util.Locale.ROOT))));
  }

  /** "did you mean 'x'?" or, with no close candidate, the list of what is allowed. */
  static String hint(String wrong, Collection<String> candidates) {
    return closest(wrong, candidates)
        .map(c -> "did you mean '" + c + "'?")
        .orElseGet(() -> candidates.isEmpty() ? "" : "expected one of: " + String.join(", ", candidates.stream().sorted().toList()));
  }

  /** Levenshtein distance with adjacent transpositions counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
