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
    String pointer = pointerOf(p);
    Collection<Object> known = deserializer.getKnownPropertyNames();
    List<String> names = known == null ? List.of() : known.stream().map(String::valueOf).sorted().toList();
    problems.errorAtKey(where, pointer, "unknown key '" + propertyName + "'", Suggestions.hint(propertyName, names));
    p.skipChildren();
    return true;
  }

  @Override
  public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t,
      JsonParser p, String failureMsg) throws IOException {
    wrongType(p, describe(targetType.getRawClass(), targetType), describe(t));
    return null;
  }

  @Override
  public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType,
      String valueToConvert, String failureMsg) throws IOException {
    wrongType(ctxt.getParser(), describe(targetType, null), "'" + valueToConvert + "'");
    return null;
  }

  @Override
  public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType,
      Number valueToConvert, String failureMsg) throws IOException {
    wrongType(ctxt.getParser(), describe(targetType, null), String.valueOf(valueToConvert));
    return null;
  }

  @Override
  public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
      ValueInstantiator valueInsts, JsonParser p, String msg) throws IOException {
    wrongType(p, describe(instClass, null), describe(p.currentToken()));
    return null;
  }

  @Override
  public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> instClass,
      Object argument, Throwable t) throws IOException {
    problems.error(where, pointerOf(ctxt.getParser()), "invalid value: " + t.getMessage(), "");
    return null;
  }

  private void wrongType(JsonParser p, String expected, String found) throws IOException {
    problems.error(where, pointerOf(p), "expected " + expected + ", found " + found,
        "see the JSON Schema in schema/ or the examples from `kho init`");
    p.skipChildren();
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

  private static String describe(Class<?> raw, JavaType type) {
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
    m = m.replaceAll("\\s*\\(for .*", "").replaceAll("\\s+at \\[Source.*", "");
    int nl = m.indexOf('\n');
    return (nl > 0 ? m.substring(0, nl) : m).trim();
  }
}
