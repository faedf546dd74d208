package org.kho.catalogue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.kho.catalogue.CatalogueSpec.CommandSpec;
import org.kho.catalogue.CatalogueSpec.SecretSpec;
import org.kho.core.Ids;

/**
 * Field-level checks for one file: each reads a raw value at a JSON pointer, reports what is
 * wrong as a {@link Problem} at that place, and returns the typed value or empty.
 */
final class Checker {
  static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofHours(1);

  private final SourceMap where;
  private final Problems problems;

  Checker(SourceMap where, Problems problems) {
    this.where = where;
    this.problems = problems;
  }

  SourceMap where() {
    return where;
  }

  void error(String pointer, String message, String hint) {
    problems.error(where, pointer, message, hint);
  }

  void warning(String pointer, String message, String hint) {
    problems.warning(where, pointer, message, hint);
  }

  /** {@code value}, or a "missing" problem at the enclosing mapping when it is null or blank. */
  Optional<String> required(String value, String pointer, String owner, String hint) {
    if (value == null || value.isBlank()) {
      if (value == null && where.has(pointer) && !where.isNull(pointer)) {
        return Optional.empty(); // present but of the wrong type: already reported where it stands
      }
      String key = pointer.substring(pointer.lastIndexOf('/') + 1);
      error(pointer, owner + " has no '" + key + "'", hint);
      return Optional.empty();
    }
    return Optional.of(value.trim());
  }

  <I> Optional<I> id(String value, String pointer, String owner, Function<String, I> make) {
    return required(value, pointer, owner, Ids.rule()).flatMap(v -> {
      if (!Ids.isValid(v)) {
        error(pointer, "'" + v + "' is not a valid id", Ids.rule());
        return Optional.empty();
      }
      return Optional.of(make.apply(v));
    });
  }

  /** An enum constant by its label ({@code external-disk} for {@code EXTERNAL_DISK}). */
  <E extends Enum<E>> Optional<E> choice(String value, String pointer, Class<E> type, E fallback) {
    if (value == null) {
      return Optional.ofNullable(fallback);
    }
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    List<String> labels = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      String label = e.name().toLowerCase(Locale.ROOT).replace('_', '-');
      if (label.equals(wanted)) {
        return Optional.of(e);
      }
      labels.add(label);
    }
    error(pointer, "'" + value + "' is not one of " + String.join(", ", labels), Suggestions.hint(value, labels));
    return Optional.empty();
  }

  Optional<Duration> duration(String value, String pointer) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      Duration d = Spans.duration(value);
      if (d.isZero() || d.isNegative()) {
        error(pointer, "'" + value + "' must be longer than zero", Spans.DURATION_HINT);
        return Optional.empty();
      }
      return Optional.of(d);
    } catch (IllegalArgumentException e) {
      error(pointer, e.getMessage(), Spans.DURATION_HINT);
      return Optional.empty();
    }
  }

  Optional<Period> period(String value, String pointer) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Spans.period(value));
    } catch (IllegalArgumentException e) {
      error(pointer, e.getMessage(), Spans.PERIOD_HINT);
      return Optional.empty();
    }
  }

  /** A whole number in {@code [min, max]}, {@code fallback} when absent. */
  Optional<Integer> number(Integer value, String pointer, int min, int max, Integer fallback) {
    if (value == null) {
      return Optional.ofNullable(fallback);
    }
    if (value < min || value > max) {
      error(pointer, value + " is out of range " + min + "-" + max, "");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** A required security level, 1–5; {@code what} says whose level it is, for the hint. */
  Optional<Integer> securityLevel(Integer value, String pointer, String owner, String what) {
    if (value == null) {
      required(null, pointer, owner, "the security level 1-5 of " + what);
      return Optional.empty();
    }
    return number(value, pointer, 1, 5, null);
  }

  /** An absolute path. */
  Optional<Path> absolutePath(String value, String pointer) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Path p = Path.of(value.trim());
    if (!p.isAbsolute()) {
      error(pointer, "path '" + value + "' is relative", "write the full path from / so it does not depend on where kho starts");
      return Optional.empty();
    }
    return Optional.of(p.normalize());
  }

  /** A command: {@code command:} as a list of words or {@code shell:} as a line, not both. */
  Optional<CommandLine> command(CommandSpec spec, String pointer, String owner) {
    if (spec == null) {
      return Optional.empty();
    }
    Optional<Duration> timeout = spec.timeout() == null ? Optional.of(DEFAULT_COMMAND_TIMEOUT)
        : duration(spec.timeout(), pointer + "/timeout");
    Optional<List<String>> argv = argv(spec.command(), spec.shell(), pointer, owner);
    var env = EnvRules.check(spec.env(), pointer + "/env", this);
    if (argv.isEmpty() || timeout.isEmpty() || env.isEmpty()) {
      return Optional.empty();
    }
    String name = spec.name() != null ? spec.name() : String.join(" ", argv.get());
    return Optional.of(new CommandLine(name, argv.get(), timeout.get(), env.get()));
  }

  Optional<List<String>> argv(List<String> command, String shell, String pointer, String owner) {
    if (command != null && shell != null) {
      error(pointer + "/shell", owner + " has both 'command' and 'shell'", "keep one: 'command' as a list of words, or 'shell' for a pipeline");
      return Optional.empty();
    }
    if (shell != null) {
      return shell.isBlank() ? Optional.empty() : Optional.of(List.of("/bin/sh", "-c", shell));
    }
    if (command == null || command.isEmpty() || command.stream().anyMatch(w -> w == null || w.isEmpty())) {
      error(pointer, owner + " has no command", "write 'command: [program, arg, ...]' or 'shell: \"a | b\"'");
      return Optional.empty();
    }
    if (command.size() == 1 && command.get(0).trim().contains(" ")) {
      error(pointer + "/command", "command '" + command.get(0) + "' is one word with spaces in it",
          "write it as a list of words, e.g. [" + String.join(", ", command.get(0).trim().split("\\s+"))
              + "], or use 'shell:' for a shell line");
      return Optional.empty();
    }
    return Optional.of(List.copyOf(command));
  }

  /** A secret reference: exactly one of file, env, systemd; never an inline value. */
  Optional<SecretRef> secret(SecretSpec spec, String pointer, String what) {
    if (spec == null) {
      return Optional.empty();
    }
    if (spec.inline()) {
      error(pointer, what + " is written inline in the config (the value is not shown here)",
          "move it into a file readable only by Kho and write {file: /etc/kho/secrets/NAME}, "
              + "or {env: VARIABLE}, or {systemd: CREDENTIAL}");
      return Optional.empty();
    }
    long given = Arrays.asList(spec.file(), spec.env(), spec.systemd()).stream().filter(v -> v != null).count();
    if (given != 1) {
      error(pointer, what + " must name exactly one of file, env or systemd, found " + given, "e.g. {file: /etc/kho/secrets/NAME}");
      return Optional.empty();
    }
    if (spec.file() != null) {
      return absolutePath(spec.file(), pointer + "/file").map(SecretRef.FromFile::new);
    }
    if (spec.env() != null) {
      if (!spec.env().matches("[A-Za-z_][A-Za-z0-9_]*")) {
        error(pointer + "/env", "'" + spec.env() + "' is not an environment variable name", "use letters, digits and _");
        return Optional.empty();
      }
      return Optional.of(new SecretRef.FromEnvironment(spec.env()));
    }
    return Optional.of(new SecretRef.FromSystemdCredential(spec.systemd()));
  }

  /** Resolves a reference to a named thing, reporting an unknown name with a suggestion. */
  <I> Optional<I> reference(String name, String pointer, String kind, Map<String, I> known) {
    if (name == null) {
      return Optional.empty();
    }
    I found = known.get(name);
    if (found == null) {
      error(pointer, "unknown " + kind + " '" + name + "'", unknownHint(name, kind, known.keySet()));
    }
    return Optional.ofNullable(found);
  }

  private static String unknownHint(String name, String kind, Collection<String> known) {
    if (known.isEmpty()) {
      return "no " + kind + " is defined";
    }
    return Suggestions.hint(name, known);
  }

  /** Waivers by rule, each with a non-empty reason; unknown rules are reported. */
  Map<PolicyRule, String> waivers(Map<String, String> raw, String pointer) {
    Map<PolicyRule, String> result = new java.util.EnumMap<>(PolicyRule.class);
    if (raw == null) {
      return result;
    }
    raw.forEach((key, reason) -> {
      String at = pointer + "/" + key;
      Optional<PolicyRule> rule = PolicyRule.byKey(key);
      if (rule.isEmpty()) {
        problems.errorAtKey(where, at, "unknown policy rule '" + key + "'", Suggestions.hint(key, PolicyRule.keys()));
      } else if (reason == null || reason.isBlank()) {
        error(at, "the waiver of '" + key + "' gives no reason", "write why this item departs from the rule, and who approved it");
      } else {
        result.put(rule.get(), reason.trim());
      }
    });
    return result;
  }

  /** Reports every value that appears twice in {@code ids}, at its second place. */
  void duplicates(List<String> ids, String listPointer, String field, String kind) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (id != null && !seen.add(id)) {
        error(listPointer + "/" + i + "/" + field, "duplicate " + kind + " id '" + id + "'",
            "ids must be unique: rename one of the two");
      }
    }
  }
}
