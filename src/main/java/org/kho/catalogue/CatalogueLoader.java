package org.kho.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.kho.catalogue.CatalogueSpec.DisposalSpec;
import org.kho.core.DrillPlanId;
import org.kho.core.Ids;
import org.kho.core.ItemId;
import org.kho.core.ScheduleId;
import org.kho.core.TargetId;

/**
 * Reads a config directory ({@code catalogue.yaml}, {@code schedules/*.yaml},
 * {@code restore-drills/*.yaml}, optionally {@code policy.yaml}) and checks all of it, reporting
 * every problem at once rather than stopping at the first.
 */
public final class CatalogueLoader {
  /** The policy table used when the config directory has no {@code policy.yaml}. */
  public static final String BUILT_IN_POLICY = "policy/vn-2020.yaml";

  private final Clock clock;
  private final YamlReader yaml = new YamlReader();

  public CatalogueLoader(Clock clock) {
    this.clock = clock;
  }

  /**
   * The catalogue (present only when there is no error) and every problem found, in file order.
   *
   * @param policyChecked whether the policy-table rules were checked; they are only once the
   *     files are otherwise free of errors
   */
  public record Result(Optional<Catalogue> catalogue, List<Problem> problems, boolean policyChecked) {
    public Result {
      problems = List.copyOf(problems);
    }

    public List<Problem> errors() {
      return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }
  }

  public Result load(Path dir) {
    Problems problems = new Problems();
    Path catalogueFile = dir.resolve("catalogue.yaml");
    if (!Files.isDirectory(dir)) {
      problems.fileError(dir, 0, 0, "the config directory does not exist", "create one with: kho init " + dir);
      return new Result(Optional.empty(), problems.sorted(), false);
    }
    if (!Files.isRegularFile(catalogueFile)) {
      problems.fileError(catalogueFile, 0, 0, "the config directory has no catalogue.yaml", "create one with: kho init DIR, and compare");
      return new Result(Optional.empty(), problems.sorted(), false);
    }
    Instant now = clock.instant();
    Optional<PolicyTable> policy = policy(dir, problems);
    Map<ScheduleId, Schedule> schedules = named(dir.resolve("schedules"), problems, ScheduleId::new, ScheduleSpec.class,
        (id, spec, c) -> ScheduleRules.build(id, spec, c, now));
    // references resolve against every schedule file, so a broken one is reported once, in its own file
    Map<String, ScheduleId> scheduleNames = validIds(fileIds(dir.resolve("schedules")), ScheduleId::new);
    YamlReader.Parsed<CatalogueSpec> parsed = yaml.read(catalogueFile, CatalogueSpec.class, problems);
    CatalogueSpec spec = parsed.value() != null ? parsed.value() : new CatalogueSpec(null, null, null, null, null, null, null, null);
    Checker c = new Checker(parsed.where(), problems);
    ItemRules.Names names = new ItemRules.Names(
        validIds(spec.targets() == null ? List.of() : spec.targets().stream().map(t -> t == null ? null : t.id()).toList(), TargetId::new),
        scheduleNames, validIds(fileIds(dir.resolve("restore-drills")), DrillPlanId::new));
    // when catalogue.yaml cannot be read, drill plans' item references cannot be judged: null skips them
    Map<String, ItemId> itemIds = parsed.value() == null ? null
        : validIds(spec.items() == null ? List.of() : spec.items().stream().map(i -> i == null ? null : i.id()).toList(), ItemId::new);
    Map<DrillPlanId, DrillPlan> drills = named(dir.resolve("restore-drills"), problems, DrillPlanId::new, DrillPlanSpec.class,
        (id, d, dc) -> DrillPlanRules.build(id, d, dc, scheduleNames, itemIds, parsed.value() == null ? null : names.targets(),
            parsed.value() == null ? null : itemLinks(spec)));
    if (parsed.value() == null || policy.isEmpty()) {
      return new Result(Optional.empty(), problems.sorted(), false);
    }
    if (spec.version() != null && spec.version() != 1) {
      c.error("/version", "catalogue version " + spec.version() + " is not one this Kho reads", "write version: 1");
    }
    Catalogue.Agency agency = agency(spec, c);
    List<Target> targets = build(spec.targets(), "/targets", c, "id", "target", (t, at) -> TargetRules.build(t, at, c, names.schedules()));
    List<Item> items = build(spec.items(), "/items", c, "id", "item", (i, at) -> ItemRules.build(i, at, c, names));
    List<LogSource> logs = build(spec.logs(), "/logs", c, "id", "log source", (l, at) -> LogRules.build(l, at, c, names, policy.get()));
    Disposal disposal = disposal(spec.disposal(), c);
    Optional<SecretRef> signingKey = c.secret(spec.signingKey(), "/signingKey", "the agency signing key");
    Notifications notifications = NotificationRules.build(spec.notifications(), c);
    if (items.isEmpty() && (spec.items() == null || spec.items().isEmpty())) {
      c.error("", "the catalogue lists no items", "add the data and applications to back up under items:");
    }
    if (problems.hasErrors()) {
      return new Result(Optional.empty(), problems.sorted(), false);
    }
    Catalogue catalogue = new Catalogue(dir, agency, policy.get(), targets, items, List.copyOf(schedules.values()),
        List.copyOf(drills.values()), logs, disposal, signingKey, notifications);
    ComplianceRules compliance = new ComplianceRules(catalogue, c, now);
    for (int i = 0; i < items.size(); i++) {
      compliance.check(items.get(i), "/items/" + i);
    }
    for (int i = 0; i < logs.size(); i++) {
      compliance.check(logs.get(i), "/logs/" + i);
    }
    return new Result(problems.hasErrors() ? Optional.empty() : Optional.of(catalogue), problems.sorted(), true);
  }

  private static DrillPlanRules.ItemLinks itemLinks(CatalogueSpec spec) {
    Map<String, List<String>> targets = new LinkedHashMap<>();
    Map<String, String> drills = new LinkedHashMap<>();
    for (CatalogueSpec.ItemSpec item : spec.items() == null ? List.<CatalogueSpec.ItemSpec>of() : spec.items()) {
      if (item != null && item.id() != null) {
        targets.put(item.id(), item.targets() == null ? List.of() : item.targets().stream().filter(Objects::nonNull).toList());
        if (item.drill() != null) {
          drills.put(item.id(), item.drill());
        }
      }
    }
    return new DrillPlanRules.ItemLinks(targets, drills);
  }

  private Optional<PolicyTable> policy(Path dir, Problems problems) {
    Path own = dir.resolve("policy.yaml");
    YamlReader.Parsed<PolicySpec> parsed;
    if (Files.exists(own)) {
      parsed = yaml.read(own, PolicySpec.class, problems);
    } else {
      parsed = yaml.read(Path.of("(built in) " + BUILT_IN_POLICY), shipped(BUILT_IN_POLICY), PolicySpec.class, problems);
    }
    return Optional.ofNullable(parsed.value()).flatMap(p -> PolicyRules.build(p, new Checker(parsed.where(), problems)));
  }

  /** A file shipped in the jar under {@code org/kho/shipped/} (schedules/, restore-drills/, policy/, schema/). */
  public static byte[] shipped(String name) {
    try (InputStream in = CatalogueLoader.class.getResourceAsStream("/org/kho/shipped/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the Kho jar lacks " + name + ": rebuild it with ./build package");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Builder<I, S, T> {
    Optional<T> build(I id, S spec, Checker c);
  }

  /** Reads every {@code NAME.yaml} of a folder whose file name is the id. */
  private <I, S, T> Map<I, T> named(Path folder, Problems problems, Function<String, I> makeId, Class<S> type,
      Builder<I, S, T> builder) {
    Map<I, T> result = new LinkedHashMap<>();
    for (Path file : yamlFiles(folder)) {
      String name = baseName(file);
      if (!Ids.isValid(name)) {
        problems.fileError(file, 0, 0, "the file name '" + name + "' is not a valid id", "rename the file: " + Ids.rule());
        continue;
      }
      YamlReader.Parsed<S> parsed = yaml.read(file, type, problems);
      if (parsed.value() != null) {
        I id = makeId.apply(name);
        builder.build(id, parsed.value(), new Checker(parsed.where(), problems)).ifPresent(v -> result.put(id, v));
      }
    }
    return result;
  }

  private static List<Path> yamlFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, "*.{yaml,yml}")) {
      s.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
    files.sort(null);
    return files;
  }

  private static List<String> fileIds(Path folder) {
    return yamlFiles(folder).stream().map(CatalogueLoader::baseName).toList();
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }

  private static <I> Map<String, I> validIds(List<String> raw, Function<String, I> make) {
    Map<String, I> result = new LinkedHashMap<>();
    raw.stream().filter(Ids::isValid).forEach(id -> result.putIfAbsent(id, make.apply(id)));
    return result;
  }

  /** Builds each entry of a list, reporting null entries and duplicate ids. */
  private static <S, T> List<T> build(List<S> specs, String at, Checker c, String idField, String kind,
      java.util.function.BiFunction<S, String, Optional<T>> one) {
    if (specs == null) {
      return List.of();
    }
    List<T> result = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      S spec = specs.get(i);
      if (spec == null) {
        c.error(at + "/" + i, "empty " + kind + " entry", "remove the lone '-' or fill it in");
        ids.add(null);
        continue;
      }
      ids.add(idOf(spec));
      one.apply(spec, at + "/" + i).ifPresent(result::add);
    }
    c.duplicates(ids, at, idField, kind);
    return result;
  }

  private static String idOf(Object spec) {
    return switch (spec) {
      case CatalogueSpec.TargetSpec t -> t.id();
      case CatalogueSpec.ItemSpec i -> i.id();
      case CatalogueSpec.LogSpec l -> l.id();
      default -> null;
    };
  }

  private static Catalogue.Agency agency(CatalogueSpec spec, Checker c) {
    if (spec.agency() == null) {
      c.error("", "the catalogue has no 'agency'", "write agency: {name: ...} as it should appear on reports");
      return new Catalogue.Agency("", "", "");
    }
    String name = c.required(spec.agency().name(), "/agency/name", "the agency", "the agency's name as on reports").orElse("");
    return new Catalogue.Agency(name, Optional.ofNullable(spec.agency().unit()).orElse(""),
        Optional.ofNullable(spec.agency().contact()).orElse(""));
  }

  private static Disposal disposal(DisposalSpec d, Checker c) {
    if (d == null) {
      return Disposal.DEFAULT;
    }
    Disposal.WipeMethod method = c.choice(d.method(), "/disposal/method", Disposal.WipeMethod.class, Disposal.DEFAULT.method())
        .orElse(Disposal.DEFAULT.method());
    Disposal.Verify verify = c.choice(d.verify(), "/disposal/verify", Disposal.Verify.class, Disposal.DEFAULT.verify())
        .orElse(Disposal.DEFAULT.verify());
    List<String> languages = d.languages() == null ? Disposal.DEFAULT.languages() : d.languages();
    for (int i = 0; i < languages.size(); i++) {
      if (!List.of("vi", "en").contains(languages.get(i))) {
        c.error("/disposal/languages/" + i, "'" + languages.get(i) + "' is not a report language", "Kho writes vi and en");
      }
    }
    return new Disposal(method, verify, Boolean.TRUE.equals(d.requireWitness()), languages);
  }
}
