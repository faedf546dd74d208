package org.kho.report;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the report templates under {@code org/kho/report/templates/} (Pebble, HTML escaping on,
 * undefined variables an error) with a language's texts as {@code t}. Thread-safe.
 */
public final class Templates {
  private static final PebbleEngine ENGINE = engine();

  private Templates() {}

  private static PebbleEngine engine() {
    ClasspathLoader loader = new ClasspathLoader(Templates.class.getClassLoader());
    loader.setPrefix("org/kho/report/templates");
    loader.setSuffix(".peb");
    return new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(true)
        .defaultEscapingStrategy("html").build();
  }

  /** The HTML of template {@code name} with {@code model} and the texts of {@code texts} as {@code t}. */
  public static String html(String name, Map<String, Object> model, Texts texts) {
    Map<String, Object> context = new HashMap<>(model);
    context.put("t", texts.all());
    context.put("lang", texts.language().code());
    StringWriter out = new StringWriter();
    try {
      ENGINE.getTemplate(name).evaluate(out, context, texts.language().locale());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (PebbleException e) {
      throw new IllegalStateException("report template " + name + " failed: " + e.getMessage(), e);
    }
    return out.toString();
  }
}
