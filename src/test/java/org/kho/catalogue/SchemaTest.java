package org.kho.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the JSON Schemas in {@code schema/} honest: the shipped examples pass them, typical
 * mistakes fail them, and their properties are exactly the components of the {@code *Spec}
 * records Jackson binds (so a new key in a record without a schema property fails here).
 */
class SchemaTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  /** Each kind of config file: its schema and the record Jackson binds it to. */
  enum Kind {
    CATALOGUE("catalogue", CatalogueSpec.class),
    SCHEDULE("schedule", ScheduleSpec.class),
    DRILL_PLAN("drill-plan", DrillPlanSpec.class),
    POLICY("policy", PolicySpec.class);

    final String schemaName;
    final Class<? extends Record> spec;

    Kind(String schemaName, Class<? extends Record> spec) {
      this.schemaName = schemaName;
      this.spec = spec;
    }

    Path schemaFile() {
      return Path.of("schema", schemaName + ".schema.json");
    }
  }

  private static final Map<Kind, JsonNode> SCHEMA_JSON = new EnumMap<>(Kind.class);
  private static final Map<Kind, JsonSchema> SCHEMAS = new EnumMap<>(Kind.class);

  private static synchronized JsonNode schemaJson(Kind kind) {
    return SCHEMA_JSON.computeIfAbsent(kind, k -> {
      try {
        return JSON.readTree(Files.readString(k.schemaFile()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static synchronized JsonSchema schema(Kind kind) {
    return SCHEMAS.computeIfAbsent(kind, k -> FACTORY.getSchema(schemaJson(k)));
  }

  private static Set<ValidationMessage> validate(Kind kind, JsonNode document) {
    return schema(kind).validate(document);
  }

  private static ObjectNode read(String file) {
    try {
      return (ObjectNode) YAML.readTree(Files.readString(Path.of(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> describe(Set<ValidationMessage> messages) {
    return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  // ---------------------------------------------------------------- 1. shipped examples

  static Stream<Arguments> shippedExamples() throws IOException {
    List<Arguments> examples = new ArrayList<>();
    examples.add(Arguments.of("deploy/catalogue.yaml", Kind.CATALOGUE));
    examples.add(Arguments.of("policy/vn-2020.yaml", Kind.POLICY));
    for (String file : yamlFilesIn("schedules")) {
      examples.add(Arguments.of(file, Kind.SCHEDULE));
    }
    for (String file : yamlFilesIn("restore-drills")) {
      examples.add(Arguments.of(file, Kind.DRILL_PLAN));
    }
    return examples.stream();
  }

  private static List<String> yamlFilesIn(String folder) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      return files.map(Path::toString).filter(f -> f.endsWith(".yaml") || f.endsWith(".yml")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedExamples")
  void shippedExamplesValidate(String file, Kind kind) {
    Set<ValidationMessage> messages = validate(kind, read(file));

    assertThat(describe(messages)).as("%s against %s", file, kind.schemaFile()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedExamples")
  void shippedExamplesNameTheirSchemaInTheModeline(String file, Kind kind) throws IOException {
    String firstLine = Files.readAllLines(Path.of(file)).getFirst();

    assertThat(firstLine).isEqualTo("# yaml-language-server: $schema=../" + kind.schemaFile());
    assertThat(Path.of(file).getParent().resolve("../" + kind.schemaFile())).isRegularFile();
  }

  @Test
  void everyKindOfConfigFileHasAShippedExample() throws IOException {
    Set<Kind> kinds = shippedExamples().map(a -> (Kind) a.get()[1]).collect(Collectors.toSet());

    assertThat(kinds).containsExactlyInAnyOrder(Kind.values());
    assertThat(yamlFilesIn("schedules")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(yamlFilesIn("restore-drills")).hasSizeGreaterThanOrEqualTo(2);
  }

  // ---------------------------------------------------------------- 2. broken documents

  /**
   * Validates {@code base} (which must pass), then a copy with {@code value} (YAML) set at
   * {@code key} of the mapping at {@code pointer}, or the key removed when {@code value} is
   * null; returns the messages about the changed copy.
   */
  private static Set<ValidationMessage> changed(Kind kind, String base, String pointer, String key, String value) {
    ObjectNode good = read(base);
    assertThat(describe(validate(kind, good))).as("%s before the change", base).isEmpty();
    ObjectNode bad = good.deepCopy();
    JsonNode parent = bad.at(pointer);
    assertThat(parent.isObject()).as("%s has a mapping at %s", base, pointer).isTrue();
    if (value == null) {
      assertThat(((ObjectNode) parent).remove(key)).as("%s has %s/%s", base, pointer, key).isNotNull();
    } else {
      try {
        ((ObjectNode) parent).set(key, YAML.readTree(value));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return validate(kind, bad);
  }

  private static void assertReportedAt(Set<ValidationMessage> messages, String location) {
    assertThat(messages).isNotEmpty();
    assertThat(messages).as("messages %s", describe(messages))
        .anySatisfy(m -> assertThat(m.getInstanceLocation().toString()).isEqualTo(location));
  }

  @Test
  void unknownKeyIsRejected() {
    Set<ValidationMessage> messages = changed(Kind.CATALOGUE, "deploy/catalogue.yaml", "/items/0", "retension", "{daily: 7}");

    assertReportedAt(messages, "$.items[0]");
    assertThat(describe(messages)).anySatisfy(m -> assertThat(m).contains("retension"));
  }

  @Test
  void inlineSecretIsRejected() {
    Set<ValidationMessage> messages =
        changed(Kind.CATALOGUE, "deploy/catalogue.yaml", "/targets/0", "repositoryPassword", "correct-horse-battery");

    assertReportedAt(messages, "$.targets[0].repositoryPassword");
  }

  @Test
  void badMediaIsRejected() {
    Set<ValidationMessage> messages = changed(Kind.CATALOGUE, "deploy/catalogue.yaml", "/targets/0", "media", "usb-stick");

    assertReportedAt(messages, "$.targets[0].media");
  }

  @Test
  void scheduleWithBothWhenAndCronIsRejected() {
    Set<ValidationMessage> messages = changed(Kind.SCHEDULE, "schedules/nightly.yaml", "", "cron", "'0 22 * * *'");

    assertReportedAt(messages, "$");
  }

  @Test
  void securityLevelOfNineIsRejected() {
    Set<ValidationMessage> messages = changed(Kind.CATALOGUE, "deploy/catalogue.yaml", "/items/0", "securityLevel", "9");

    assertReportedAt(messages, "$.items[0].securityLevel");
  }

  static Stream<Arguments> otherMistakes() {
    String cat = "deploy/catalogue.yaml";
    return Stream.of(
        Arguments.of("target with both path and url", Kind.CATALOGUE, cat, "/targets/0", "url", "sftp://kho@nas/srv/kho"),
        Arguments.of("target with neither path nor url", Kind.CATALOGUE, cat, "/targets/0", "path", null),
        Arguments.of("url over http", Kind.CATALOGUE, cat, "/targets/1", "url", "http://backup.example/kho"),
        Arguments.of("password in the url", Kind.CATALOGUE, cat, "/targets/1", "url", "sftp://kho:s3cret@backup.example/kho"),
        Arguments.of("sftp target without knownHosts", Kind.CATALOGUE, cat, "/targets/1", "knownHosts", null),
        Arguments.of("local target with a private key", Kind.CATALOGUE, cat, "/targets/0", "privateKey", "{file: /etc/kho/k}"),
        Arguments.of("secret naming both file and env", Kind.CATALOGUE, cat, "/targets/0", "repositoryPassword",
            "{file: /etc/kho/secrets/p, env: KHO_PASSWORD}"),
        Arguments.of("secret in a relative file", Kind.CATALOGUE, cat, "/targets/0", "repositoryPassword", "{file: secrets/p}"),
        Arguments.of("upper-case target id", Kind.CATALOGUE, cat, "/targets/0", "id", "USB-Disk"),
        Arguments.of("source with both path and command", Kind.CATALOGUE, cat, "/items/0/sources/0", "command", "[tar, c]"),
        Arguments.of("command source without name", Kind.CATALOGUE, cat, "/items/1/sources/0", "name", null),
        Arguments.of("command written as one string with spaces", Kind.CATALOGUE, cat, "/items/1/sources/0", "command",
            "'pg_dump -Fc hr'"),
        Arguments.of("relative source path", Kind.CATALOGUE, cat, "/items/0/sources/0", "path", "srv/documents"),
        Arguments.of("unknown backup method", Kind.CATALOGUE, cat, "/items/0", "method", "differential"),
        Arguments.of("rto that is not a duration", Kind.CATALOGUE, cat, "/items/0", "rto", "soon"),
        Arguments.of("unknown waiver rule", Kind.CATALOGUE, cat, "/items/2/waivers", "backup.frequncy", "because"),
        Arguments.of("item without retention", Kind.CATALOGUE, cat, "/items/0", "retention", null),
        Arguments.of("month from name without regex", Kind.CATALOGUE, cat, "/logs/0/month", "regex", null),
        Arguments.of("unknown wipe method", Kind.CATALOGUE, cat, "/disposal", "method", "shred"),
        Arguments.of("unknown report language", Kind.CATALOGUE, cat, "/disposal", "languages", "[vi, fr]"),
        Arguments.of("schedule with neither when nor cron", Kind.SCHEDULE, "schedules/nightly.yaml", "", "when", null),
        Arguments.of("unknown missedRuns", Kind.SCHEDULE, "schedules/nightly.yaml", "", "missedRuns", "catch-up"),
        Arguments.of("drill sampling 0 percent", Kind.DRILL_PLAN, "restore-drills/quarterly-sample.yaml", "/sample", "percent", "0"),
        Arguments.of("unknown snapshot choice", Kind.DRILL_PLAN, "restore-drills/quarterly-sample.yaml", "", "snapshot", "newest"),
        Arguments.of("verify step with both command and shell", Kind.DRILL_PLAN, "restore-drills/monthly-database.yaml",
            "/verify/0", "shell", "'true'"),
        Arguments.of("policy without level 5", Kind.POLICY, "policy/vn-2020.yaml", "/levels", "5", null),
        Arguments.of("policy weaker than monthly backups", Kind.POLICY, "policy/vn-2020.yaml", "/levels/1", "backupEveryDays", "60"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherMistakes")
  void otherMistakesAreRejected(String mistake, Kind kind, String base, String pointer, String key, String value) {
    assertThat(changed(kind, base, pointer, key, value)).as(mistake).isNotEmpty();
  }

  static Stream<Arguments> acceptedVariants() {
    String cat = "deploy/catalogue.yaml";
    return Stream.of(
        Arguments.of("one target given as a plain string", Kind.CATALOGUE, cat, "/items/0", "targets", "usb-disk"),
        Arguments.of("one exclude pattern given as a plain string", Kind.CATALOGUE, cat, "/items/0/sources/0", "exclude", "'**/*.tmp'"),
        Arguments.of("one report language given as a plain string", Kind.CATALOGUE, cat, "/disposal", "languages", "vi"),
        Arguments.of("secret from an environment variable", Kind.CATALOGUE, cat, "/targets/0", "repositoryPassword",
            "{env: KHO_REPOSITORY_PASSWORD}"),
        Arguments.of("ftps target without knownHosts", Kind.CATALOGUE, cat, "", "targets",
            "[{id: ftp, url: 'ftps://kho@ftp.example/kho', password: {env: KHO_FTP_PASSWORD}}]"),
        Arguments.of("shell source", Kind.CATALOGUE, cat, "/items/1", "sources", "[{shell: 'pg_dump hr | gzip', name: hr.sql.gz}]"),
        Arguments.of("retention within a period", Kind.CATALOGUE, cat, "/items/0", "retention", "{within: 1y6mo}"),
        Arguments.of("month from mtime", Kind.CATALOGUE, cat, "/logs/0", "month", "{from: mtime}"),
        Arguments.of("duration in words", Kind.CATALOGUE, cat, "/items/0", "rto", "2 days"),
        Arguments.of("one drill item given as a plain string", Kind.DRILL_PLAN, "restore-drills/quarterly-sample.yaml", "",
            "items", "documents"),
        Arguments.of("cron macro", Kind.SCHEDULE, "schedules/monthly-logs.yaml", "", "cron", "'@monthly'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("acceptedVariants")
  void validVariantsOfTheExamplesAreAccepted(String variant, Kind kind, String base, String pointer, String key, String value) {
    assertThat(describe(changed(kind, base, pointer, key, value))).as(variant).isEmpty();
  }

  // ---------------------------------------------------------------- 3. schemas in step with records

  /** A schema object and where it is, for messages. */
  private record At(JsonNode node, String where) {}

  /** Follows {@code $ref} (to {@code #/$defs/...} of the same schema) until a schema without one. */
  private static At resolve(At at, JsonNode root, String file) {
    Set<String> seen = new HashSet<>();
    while (at.node().has("$ref")) {
      String ref = at.node().get("$ref").asText();
      assertThat(ref).as("$ref at %s stays within the file", at.where()).startsWith("#/");
      assertThat(seen.add(ref)).as("$ref loop at %s", at.where()).isTrue();
      JsonNode target = root.at(ref.substring(1));
      assertThat(target.isMissingNode()).as("%s (from %s) exists", ref, at.where()).isFalse();
      at = new At(target, file + ref);
    }
    return at;
  }

  private static String recordName(Class<?> type) {
    return type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
  }

  /** The YAML keys a record reads: its component names, less SecretSpec's synthetic {@code inline}. */
  private static Set<String> keysOf(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .map(RecordComponent::getName)
        .filter(name -> !(record == CatalogueSpec.SecretSpec.class && name.equals("inline")))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Compares {@code record} with the schema object at {@code at}, then its nested records. */
  private static void compare(Class<?> record, At at, JsonNode root, String file, List<String> mismatches,
      Set<Class<?>> visited) {
    At schema = resolve(at, root, file);
    visited.add(record);
    JsonNode properties = schema.node().path("properties");
    Set<String> keys = keysOf(record);
    Set<String> schemaKeys = fieldNames(properties);
    for (String key : keys) {
      if (!schemaKeys.contains(key)) {
        mismatches.add(recordName(record) + " has component '" + key + "' but " + schema.where()
            + " has no property '" + key + "'");
      }
    }
    for (String key : schemaKeys) {
      if (!keys.contains(key)) {
        mismatches.add(schema.where() + " has property '" + key + "' but " + recordName(record)
            + " has no component '" + key + "'");
      }
    }
    if (!schema.node().path("additionalProperties").isBoolean() || schema.node().path("additionalProperties").asBoolean()) {
      mismatches.add(schema.where() + " (for " + recordName(record) + ") does not say \"additionalProperties\": false");
    }
    for (RecordComponent component : record.getRecordComponents()) {
      if (!schemaKeys.contains(component.getName())) {
        continue;
      }
      At property = new At(properties.get(component.getName()), schema.where() + "/properties/" + component.getName());
      String owner = recordName(record) + "." + component.getName();
      nested(component.getGenericType(), property, owner, root, file, mismatches, visited);
    }
  }

  /** Descends into the records a component holds: directly, as list elements or as map values. */
  private static void nested(Type type, At property, String owner, JsonNode root, String file, List<String> mismatches,
      Set<Class<?>> visited) {
    if (type instanceof Class<?> c && c.isRecord()) {
      compare(c, property, root, file, mismatches, visited);
    } else if (type instanceof ParameterizedType p && p.getRawType() == List.class
        && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
      List<At> items = arrayItems(resolve(property, root, file), root, file);
      if (items.isEmpty()) {
        mismatches.add(owner + " is a list of " + recordName(element) + " but " + property.where() + " has no \"items\"");
      }
      items.forEach(item -> compare(element, item, root, file, mismatches, visited));
    } else if (type instanceof ParameterizedType p && p.getRawType() == Map.class
        && p.getActualTypeArguments()[1] instanceof Class<?> value && value.isRecord()) {
      List<At> values = mapValues(resolve(property, root, file));
      if (values.isEmpty()) {
        mismatches.add(owner + " maps to " + recordName(value) + " but " + property.where() + " describes no values");
      }
      values.forEach(v -> compare(value, v, root, file, mismatches, visited));
    }
  }

  /** The element schemas of an array schema, also inside anyOf/oneOf branches (one value or a list). */
  private static List<At> arrayItems(At array, JsonNode root, String file) {
    List<At> found = new ArrayList<>();
    if (array.node().has("items")) {
      found.add(new At(array.node().get("items"), array.where() + "/items"));
    }
    for (String combinator : List.of("anyOf", "oneOf")) {
      JsonNode branches = array.node().path(combinator);
      for (int i = 0; i < branches.size(); i++) {
        At branch = resolve(new At(branches.get(i), array.where() + "/" + combinator + "/" + i), root, file);
        found.addAll(arrayItems(branch, root, file));
      }
    }
    return found;
  }

  /** The value schemas of a map schema: named properties, pattern properties and additional properties. */
  private static List<At> mapValues(At map) {
    List<At> found = new ArrayList<>();
    for (String keyword : List.of("properties", "patternProperties")) {
      JsonNode group = map.node().path(keyword);
      group.fieldNames().forEachRemaining(name ->
          found.add(new At(group.get(name), map.where() + "/" + keyword + "/" + name)));
    }
    if (map.node().path("additionalProperties").isObject()) {
      found.add(new At(map.node().get("additionalProperties"), map.where() + "/additionalProperties"));
    }
    return found;
  }

  /** Every record declared in the spec types, so that none is left out of the comparison unseen. */
  private static Set<Class<?>> allSpecRecords() {
    Set<Class<?>> records = new LinkedHashSet<>();
    for (Kind kind : Kind.values()) {
      records.add(kind.spec);
      Arrays.stream(kind.spec.getDeclaredClasses()).filter(Class::isRecord).forEach(records::add);
    }
    return records;
  }

  @Test
  void schemaPropertiesMatchSpecRecords() {
    List<String> mismatches = new ArrayList<>();
    Set<Class<?>> visited = new HashSet<>();
    for (Kind kind : Kind.values()) {
      String file = kind.schemaFile().toString();
      compare(kind.spec, new At(schemaJson(kind), file + "#"), schemaJson(kind), file, mismatches, visited);
    }

    assertThat(mismatches).as("schema properties that differ from the spec records").isEmpty();
    assertThat(visited).as("spec records compared with a schema").containsAll(allSpecRecords());
  }

  /** Every property, at any depth, has a description for the editor's hover text. */
  @Test
  void everyPropertyHasADescription() {
    List<String> undescribed = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      JsonNode root = schemaJson(kind);
      assertThat(root.path("title").asText()).as("title of %s", kind.schemaFile()).isNotBlank();
      collectUndescribed(root, root, kind.schemaFile() + "#", undescribed);
    }

    assertThat(undescribed).isEmpty();
  }

  private static void collectUndescribed(JsonNode node, JsonNode root, String where, List<String> undescribed) {
    if (node.isObject()) {
      JsonNode properties = node.path("properties");
      properties.fieldNames().forEachRemaining(name -> {
        JsonNode property = properties.get(name);
        boolean described = property.isBoolean() // "name": false forbids a key; nothing to describe
            || property.hasNonNull("description")
            || (property.has("$ref") && root.at(property.get("$ref").asText().substring(1)).hasNonNull("description"));
        if (!described) {
          undescribed.add(where + "/properties/" + name);
        }
      });
      // the property lists inside "if" only test a value, and examples are data, not schemas
      node.fieldNames().forEachRemaining(key -> {
        if (!key.equals("if") && !key.equals("examples")) {
          collectUndescribed(node.get(key), root, where + "/" + key, undescribed);
        }
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectUndescribed(node.get(i), root, where + "/" + i, undescribed);
      }
    }
  }

  // ---------------------------------------------------------------- allowed values in step with the code

  private static <E extends Enum<E>> List<String> labels(Class<E> type) {
    // the same labels Checker.choice accepts: EXTERNAL_DISK is written external-disk
    return Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void enumsMatchTheChoicesTheCodeAccepts() {
    JsonNode catalogue = schemaJson(Kind.CATALOGUE);

    assertThat(texts(catalogue.at("/$defs/target/properties/media/enum"))).containsExactlyElementsOf(labels(Media.class));
    assertThat(texts(catalogue.at("/$defs/item/properties/method/enum")))
        .containsExactlyElementsOf(labels(Item.BackupMethod.class));
    assertThat(texts(catalogue.at("/$defs/disposal/properties/method/enum")))
        .containsExactlyElementsOf(labels(Disposal.WipeMethod.class));
    assertThat(texts(catalogue.at("/$defs/disposal/properties/verify/enum")))
        .containsExactlyElementsOf(labels(Disposal.Verify.class));
    assertThat(texts(schemaJson(Kind.SCHEDULE).at("/properties/missedRuns/enum")))
        .containsExactlyElementsOf(labels(Schedule.MissedRuns.class));
    assertThat(texts(schemaJson(Kind.DRILL_PLAN).at("/properties/snapshot/enum")))
        .containsExactlyElementsOf(labels(DrillPlan.SnapshotChoice.class));
  }

  @Test
  void waiverKeysAreThePolicyRules() {
    assertThat(fieldNames(schemaJson(Kind.CATALOGUE).at("/$defs/waivers/properties")))
        .containsExactlyInAnyOrderElementsOf(PolicyRule.keys());
  }

  @Test
  void scheduleExamplesAreTheReadableFormsKhoUnderstands() {
    List<String> examples = texts(schemaJson(Kind.SCHEDULE).at("/properties/when/examples"));

    assertThat(examples).containsExactlyInAnyOrderElementsOf(ReadableSchedule.examples());
    assertThat(examples).allSatisfy(e -> assertThat(ReadableSchedule.toQuartz(e)).isNotBlank());
  }
}
