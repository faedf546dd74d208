package org.kho.catalogue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns each Jackson binding problem (unknown key, wrong type) into a {@link Problem} and lets
 * binding go on with the value left out, so that one run reports every problem of a file.
 */
final class CollectingProblemHandler extends DeserializationProblemHandler {
  private final SourceMap where;
  private final Problems problems;

  CollectingProblemHandler(SourceMap where, Problems problems) {
    this.where = where;
    this.problems = problems;
  }

  @Override
  public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
      JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
    String pointer = objectPointer(ctxt.getParser()) + "/" + propertyName.replace("~", "~0").replace("/", "~1");
    Collection<Object> known = deserializer.getKnownPropertyNames();
    List<String> names = known == null ? List.of() : known.stream().map(String::valueOf).sorted().toList();
    problems.errorAtKey(where, pointer, "unknown key '" + propertyName + "'", Suggestions.hint(propertyName, names));
    p.skipChildren();
    return true;
  }

  @Override
  public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t,
      JsonParser p, String failureMsg) throws IOException {
    String pointer = pointerOf(p);
    String expected = LIST_KEYS.contains(lastSegment(pointer)) && t == JsonToken.START_OBJECT
        ? "a list" : describe(targetType.getRawClass());
    wrongType(p, targetType.getRawClass(), expected, found(t, p));
    return null;
  }

  @Override
  public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType,
      String valueToConvert, String failureMsg) throws IOException {
    wrongType(ctxt.getParser(), targetType, describe(targetType), "'" + valueToConvert + "'");
    return null;
  }

  @Override
  public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType,
      Number valueToConvert, String failureMsg) throws IOException {
    wrongType(ctxt.getParser(), targetType, describe(targetType), String.valueOf(valueToConvert));
    return null;
  }

  @Override
  public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
      ValueInstantiator valueInsts, JsonParser p, String msg) throws IOException {
    wrongType(p, instClass, describe(instClass), found(p.currentToken(), p));
    return null;
  }

  @Override
  public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> instClass,
      Object argument, Throwable t) throws IOException {
    problems.error(where, pointerOf(ctxt.getParser()), "invalid value: " + t.getMessage(), "");
    return null;
  }

  private void wrongType(JsonParser p, Class<?> target, String expected, String found) throws IOException {
    String pointer = pointerOf(p);
    if (target == CatalogueSpec.SecretSpec.class) {
      problems.error(where, pointer, "a secret is written inline in the config (the value is not shown here)",
          "move it into a file readable only by Kho and write {file: /etc/kho/secrets/NAME}, or {env: VARIABLE}");
    } else {
      problems.error(where, pointer, "'" + lastSegment(pointer) + "': expected " + expected + ", found " + found,
          "see the JSON Schema in schema/ or the examples from `kho init`");
    }
    p.skipChildren();
  }

  /** The pointer of the mapping the parser is in (for keys Jackson replays after the mapping ends). */
  private static String objectPointer(JsonParser p) {
    JsonStreamContext ctx = p.getParsingContext();
    if (p.currentToken() == JsonToken.START_OBJECT || !ctx.inObject()) {
      return pointerOf(p);
    }
    return ctx.getParent() == null ? "" : ctx.getParent().pathAsPointer().toString();
  }

  private static String lastSegment(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1);
  }

  /** Keys that hold lists in every spec record that has them, so "a list" is the right thing to ask for. */
  private static final java.util.Set<String> LIST_KEYS = listKeys();

  private static java.util.Set<String> listKeys() {
    java.util.Map<String, Boolean> isList = new java.util.HashMap<>();
    java.util.Deque<Class<?>> todo = new java.util.ArrayDeque<>(List.of(CatalogueSpec.class, ScheduleSpec.class,
        DrillPlanSpec.class, PolicySpec.class));
    java.util.Set<Class<?>> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      Class<?> type = todo.pop();
      if (!seen.add(type)) {
        continue;
      }
      for (var component : type.getRecordComponents()) {
        boolean list = List.class.isAssignableFrom(component.getType());
        isList.merge(component.getName(), list, (a, b) -> a && b);
      }
      for (Class<?> nested : type.getDeclaredClasses()) {
        if (nested.isRecord()) {
          todo.push(nested);
        }
      }
    }
    java.util.Set<String> keys = new java.util.HashSet<>();
    isList.forEach((k, v) -> {
      if (v) {
        keys.add(k);
      }
    });
    return keys;
  }

  private static String found(JsonToken t, JsonParser p) throws IOException {
    if (t != null && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
      return describe(t) + " '" + p.getText() + "'";
    }
    return describe(t);
  }

  /** The JSON pointer of the parser's current token: the value's own pointer for containers too. */
  static String pointerOf(JsonParser p) {
    JsonStreamContext ctx = p.getParsingContext();
    JsonToken t = p.currentToken();
    if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && ctx.getParent() != null) {
      ctx = ctx.getParent();
    }
    return ctx.pathAsPointer().toString();
  }

  private static String describe(Class<?> raw) {
    if (Collection.class.isAssignableFrom(raw)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(raw) || raw.isRecord()) {
      return "a mapping (key: value lines)";
    }
    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      return "a whole number";
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return "true or false";
    }
    return "a text value";
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "nothing";
    }
    return switch (t) {
      case START_ARRAY -> "a list";
      case START_OBJECT -> "a mapping";
      case VALUE_STRING -> "a text value";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "true/false";
      case VALUE_NULL -> "an empty value";
      default -> t.toString();
    };
  }

  /** Jackson's message without the source reference and the Java class names it appends. */
  static String plain(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return "the file cannot be parsed";
    }
    if (m.startsWith("Duplicate field")) {
      return "duplicate key " + m.substring(m.indexOf('\''));
    }
    m = m.replaceAll("\\s*\\(for .*", "").replaceAll("\\s+at \\[Source.*", "")
        .replaceAll("`[\\w.$]+`", "this kind of value").replaceAll("\\s*\\(but could if[^)]*\\)", "");
    int nl = m.indexOf('\n');
    return (nl > 0 ? m.substring(0, nl) : m).trim();
  }
}
