package org.kho.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kho.catalogue.CatalogueSpec.SecretSpec;

/**
 * Checks the {@code env:} of a command: variable names, plain values, and secret references. A
 * variable whose name says it holds a secret (PASSWORD, TOKEN, …) must be a reference; its value
 * is never printed.
 */
final class EnvRules {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|_KEY$).*");

  private EnvRules() {}

  /** The variables in {@code raw} (null: none), or empty after reporting what is wrong. */
  static Optional<Map<String, CommandLine.EnvValue>> check(Map<String, Object> raw, String pointer, Checker c) {
    Map<String, CommandLine.EnvValue> env = new LinkedHashMap<>();
    boolean ok = true;
    for (var e : raw == null ? Map.<String, Object>of().entrySet() : raw.entrySet()) {
      String at = pointer + "/" + e.getKey();
      Optional<CommandLine.EnvValue> value = value(e.getKey(), e.getValue(), at, c);
      value.ifPresent(v -> env.put(e.getKey(), v));
      ok &= value.isPresent();
    }
    return ok ? Optional.of(env) : Optional.empty();
  }

  private static Optional<CommandLine.EnvValue> value(String name, Object value, String at, Checker c) {
    if (!NAME.matcher(name).matches() || name.startsWith("KHO_")) {
      c.error(at, "'" + name + "' is not a variable name a command may be given",
          "use letters, digits and '_', not starting with a digit; KHO_* names are Kho's own");
      return Optional.empty();
    }
    if (value instanceof Map<?, ?> ref) {
      SecretSpec spec = new SecretSpec(text(ref.get("file")), text(ref.get("env")), text(ref.get("systemd")), false);
      if (ref.keySet().stream().anyMatch(k -> !java.util.Set.of("file", "env", "systemd").contains(k))) {
        c.error(at, "the secret reference of " + name + " has an unknown key", "write {file: …}, {env: …} or {systemd: …}");
        return Optional.empty();
      }
      return c.secret(spec, at, "the variable " + name).map(CommandLine.EnvValue.Secret::new);
    }
    if (value == null || value instanceof Map || value instanceof java.util.List) {
      c.error(at, "the variable " + name + " has no plain value", "write a text, or a secret reference {file: …}");
      return Optional.empty();
    }
    if (SECRET_NAME.matcher(name).matches()) {
      c.error(at, "the variable " + name + " looks like a secret and is written inline in the config (the value is not "
          + "shown here)", "move it into a file readable only by Kho and write " + name + ": {file: /etc/kho/secrets/NAME}");
      return Optional.empty();
    }
    return Optional.of(new CommandLine.EnvValue.Plain(String.valueOf(value)));
  }

  private static String text(Object o) {
    return o == null ? null : String.valueOf(o);
  }
}
