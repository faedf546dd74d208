package org.kho.logarchive;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kho.repository.EvidenceRecord;
import org.kho.repository.EvidenceStore;
import org.kho.repository.RepositoryException;

/**
 * The manifests of one log source in one repository: those with a good agency signature, in
 * chain order, and the records that claim to be its manifests but do not verify.
 */
final class Chain {
  private static final Pattern MONTH = Pattern.compile("\"month\"\\s*:\\s*\"(\\d{4}-\\d{2})\"");
  final List<Link> links;
  final List<Rejected> rejected;

  /** A manifest with a good signature, the evidence record holding it and the hash of its statement. */
  record Link(String record, Manifest manifest, String hash) {
    YearMonth month() {
      return manifest.yearMonth();
    }
  }

  /**
   * A record that is not a good manifest of this source.
   *
   * @param month the month it claims, or null when that cannot be read
   */
  record Rejected(String record, YearMonth month, String why) {}

  private Chain(List<Link> links, List<Rejected> rejected) {
    this.links = List.copyOf(links);
    this.rejected = List.copyOf(rejected);
  }

  static Chain read(EvidenceStore store, String source, Signatures signatures) {
    List<Link> links = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (String name : store.recordNames()) {
      EvidenceRecord rec;
      try {
        rec = store.record(name);
      } catch (RepositoryException.Damaged e) {
        rejected.add(new Rejected(name, null, "evidence record " + shortName(name) + " is unreadable: " + e.getMessage()));
        continue;
      }
      if (!rec.statement().contains(Manifest.TYPE) || !rec.statement().contains("\"" + source + "\"")) {
        continue;
      }
      Optional<Manifest> m = Manifest.parse(rec.statement());
      if (m.isPresent() && !m.get().source().equals(source)) {
        continue;
      }
      if (m.isEmpty() || !signatures.valid(rec)) {
        rejected.add(new Rejected(name, claimedMonth(rec.statement()), "the manifest in evidence record "
            + shortName(name) + (m.isEmpty() ? " is not readable" : " does not match its signature: it was altered")));
        continue;
      }
      links.add(new Link(name, m.get(), Manifest.hash(rec.statement())));
    }
    links.sort(Comparator.comparingLong((Link l) -> l.manifest().sequence()).thenComparing(Link::record));
    return new Chain(links, rejected);
  }

  Optional<Link> last() {
    return links.isEmpty() ? Optional.empty() : Optional.of(links.getLast());
  }

  /** The manifest that counts for {@code month}: its latest, so a closed one supersedes a partial one. */
  Optional<Link> of(YearMonth month) {
    return links.reversed().stream().filter(l -> l.month().equals(month)).findFirst();
  }

  /** Whether {@code month} has a manifest written after it closed. */
  boolean archived(YearMonth month) {
    return of(month).map(l -> l.manifest().closed()).orElse(false);
  }

  /** The latest month archived after it closed. */
  Optional<YearMonth> lastClosed() {
    return links.reversed().stream().filter(l -> l.manifest().closed()).map(Link::month).findFirst();
  }

  private static YearMonth claimedMonth(String statement) {
    Matcher m = MONTH.matcher(statement);
    return m.find() ? YearMonth.parse(m.group(1)) : null;
  }

  static String shortName(String name) {
    return name.substring(0, Math.min(8, name.length()));
  }
}
