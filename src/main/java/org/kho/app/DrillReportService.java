package org.kho.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kho.catalogue.Catalogue;
import org.kho.core.KhoException;
import org.kho.core.UsageException;
import org.kho.crypto.SigningKey;
import org.kho.crypto.VerifyingKey;
import org.kho.drill.DrillStatement;
import org.kho.evidence.SignedDrillReport;
import org.kho.report.DrillCoverage;
import org.kho.report.DrillReportRenderer;
import org.kho.report.Language;
import org.kho.report.Pdf;
import org.kho.report.Texts;
import org.kho.repository.EvidenceStore;
import org.kho.repository.RepositoryException;
import org.kho.state.StateStore;
import org.kho.storage.Storage;

/**
 * {@code kho drill list|show|coverage}: finds the signed drill reports (kind {@code drill} of the
 * state store's evidence index, and the {@value DrillStatement#TYPE} records of a repository's
 * evidence), checks their signatures with the agency's public key, renders one, and sums up coverage.
 */
public final class DrillReportService {
  /** The evidence index kind of drill reports. */
  static final String KIND = "drill";
  private final Map<String, String> env;
  private final Clock clock;

  public DrillReportService(Map<String, String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

  /**
   * Where to look.
   *
   * @param config the config directory (its state, catalogue, agency name and signing key), if given
   * @param state where the state is, when not in the config directory
   * @param repository a repository whose evidence to read too, if given
   * @param publicKey the key to check signatures with; default: the public half of the catalogue's signing key
   */
  public record Sources(Optional<Path> config, StateAccess.Options state, Optional<Storage> repository,
      Optional<VerifyingKey> publicKey) {
    boolean hasState() {
      return config.isPresent() || state.directory().isPresent() || state.url().isPresent();
    }
  }

  /** A report and the result of checking its signature (empty when no key was at hand). */
  public record Checked(SignedDrillReport report, Optional<SignedDrillReport.Check> check) {
    public boolean verified() {
      return check.map(SignedDrillReport.Check::verified).orElse(false);
    }
  }

  /** Every report, oldest first, of plan {@code plan} when given; each checked when a key is at hand. */
  public List<Checked> list(Sources sources, Optional<String> plan) {
    Optional<VerifyingKey> key = quietKey(sources);
    return reports(sources).stream().filter(r -> plan.map(r.statement().plan()::equals).orElse(true))
        .map(r -> new Checked(r, key.map(r::check))).toList();
  }

  /** The report with id {@code id} (or the only one starting with it), checked with the agency key. */
  public Checked show(Sources sources, String id) {
    VerifyingKey key = key(sources).orElseThrow(() -> new UsageException(
        "a drill report is shown only after its signature is checked, and no public key is at hand",
        "pass --public-key signing.pub, or --config DIR whose catalogue names the signingKey"));
    SignedDrillReport report = find(reports(sources), id);
    return new Checked(report, Optional.of(report.check(key)));
  }

  /** The HTML of a checked report in {@code language}, times in the clock's zone. */
  public String html(Checked c, Sources sources, Language language) {
    return renderer().html(input(c, sources), new Texts(language, clock.getZone()));
  }

  /** The PDF of a checked report in {@code language}. */
  public byte[] pdf(Checked c, Sources sources, Language language) {
    return renderer().pdf(input(c, sources), new Texts(language, clock.getZone()));
  }

  /**
   * Coverage since {@code since} of the reports whose signature verifies (all, when no key is at
   * hand), against the catalogue when a config directory is given.
   */
  public Coverage coverage(Sources sources, Optional<String> plan, Instant since) {
    List<Checked> all = list(sources, plan);
    List<DrillStatement> counted = all.stream().filter(c -> c.check().isEmpty() || c.verified())
        .map(c -> c.report().statement()).toList();
    List<String> rejected = all.stream().filter(c -> c.check().isPresent() && !c.verified())
        .map(c -> c.report().id()).toList();
    Optional<Catalogue> catalogue = catalogue(sources);
    DrillCoverage coverage = DrillCoverage.of(counted, catalogue, since);
    if (plan.isPresent()) {
      coverage = new DrillCoverage(since, coverage.rows().stream().filter(r -> r.plan().equals(plan.get())).toList(),
          coverage.uncovered());
    }
    return new Coverage(coverage, all.stream().anyMatch(c -> c.check().isPresent()), rejected);
  }

  /**
   * Coverage and how far its reports can be trusted.
   *
   * @param checked whether signatures were checked (a key was at hand)
   * @param rejected the ids of reports left out because their signature does not verify
   */
  public record Coverage(DrillCoverage coverage, boolean checked, List<String> rejected) {}

  private DrillReportRenderer.Input input(Checked c, Sources sources) {
    String agency = catalogue(sources).map(cat -> cat.agency().name()).orElse(null);
    return new DrillReportRenderer.Input(c.report(), c.check().orElseThrow(), agency);
  }

  private static DrillReportRenderer renderer() {
    return new DrillReportRenderer(Pdf.withSystemFonts());
  }

  /** The reports of the state and the repository, one per id (the state's copy first), oldest first. */
  List<SignedDrillReport> reports(Sources sources) {
    if (!sources.hasState() && sources.repository().isEmpty()) {
      throw new UsageException("no place to read drill reports from",
          "pass --config DIR (its state), --state-dir DIR, --state-url URL, or --repo DIR|URL");
    }
    Map<String, SignedDrillReport> byId = new LinkedHashMap<>();
    if (sources.hasState()) {
      try (StateStore store = new StateAccess(env, clock).open(sources.config().orElse(null), sources.state(), 1)) {
        store.evidence().documents(KIND).forEach(doc ->
            SignedDrillReport.fromJson(doc, "state").ifPresent(r -> byId.putIfAbsent(r.id(), r)));
      }
    }
    sources.repository().ifPresent(storage -> fromRepository(EvidenceStore.on(storage), byId));
    List<SignedDrillReport> all = new ArrayList<>(byId.values());
    all.sort(Comparator.comparing((SignedDrillReport r) -> Optional.ofNullable(r.statement().started())
        .orElse(Instant.EPOCH)).thenComparing(SignedDrillReport::id));
    return all;
  }

  private static void fromRepository(EvidenceStore store, Map<String, SignedDrillReport> byId) {
    for (String name : store.recordNames()) {
      try {
        SignedDrillReport.of(store.record(name), "evidence/" + name).ifPresent(r -> byId.putIfAbsent(r.id(), r));
      } catch (RepositoryException.Damaged e) {
        // not readable as a record: 'kho evidence verify' reports it
      }
    }
  }

  private static SignedDrillReport find(List<SignedDrillReport> reports, String id) {
    Optional<SignedDrillReport> exact = reports.stream().filter(r -> r.id().equals(id)).findFirst();
    if (exact.isPresent()) {
      return exact.get();
    }
    List<SignedDrillReport> prefixed = reports.stream().filter(r -> r.id().startsWith(id)).toList();
    if (prefixed.size() == 1) {
      return prefixed.getFirst();
    }
    throw new UsageException(prefixed.isEmpty() ? "no drill report " + id
        : "'" + id + "' names " + prefixed.size() + " drill reports", "list them with 'kho drill list'");
  }

  private Optional<VerifyingKey> key(Sources sources) {
    return sources.publicKey().or(() -> catalogue(sources).flatMap(Catalogue::signingKey)
        .map(ref -> new Secrets(env).signingKey(ref)).map(SigningKey::verifying));
  }

  /** The key, or empty when none is given and the catalogue's cannot be read (signatures then unchecked). */
  private Optional<VerifyingKey> quietKey(Sources sources) {
    try {
      return key(sources);
    } catch (KhoException e) {
      return Optional.empty();
    }
  }

  private Optional<Catalogue> catalogue(Sources sources) {
    return sources.config().map(new CatalogueService(clock)::load);
  }
}
