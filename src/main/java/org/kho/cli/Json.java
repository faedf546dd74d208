package org.kho.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.kho.catalogue.CronRule;
import org.kho.catalogue.MonthRule;
import org.kho.catalogue.SecretRef;
import org.kho.catalogue.Source;
import org.kho.catalogue.Target;

/** The {@code --json} output of every read command: stable field names, ISO-8601 times. */
final class Json {
  /** Sealed families are written with a {@code kind} field naming the variant. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "kind")
  private interface Kind {}

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .addModule(new JavaTimeModule())
      .addModule(new SimpleModule()
          .addSerializer(Path.class, new ToStringSerializer())
          .addSerializer(Pattern.class, new ToStringSerializer())
          .addSerializer(ZoneId.class, new ToStringSerializer())
          .addSerializer(CronRule.class, new StdSerializer<>(CronRule.class) {
            @Override
            public void serialize(CronRule rule, JsonGenerator gen, SerializerProvider provider) throws IOException {
              gen.writeString(rule.quartzExpression());
            }
          }))
      .addMixIn(Target.class, Kind.class)
      .addMixIn(Source.class, Kind.class)
      .addMixIn(SecretRef.class, Kind.class)
      .addMixIn(MonthRule.class, Kind.class)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DATES_WITH_ZONE_ID)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .serializationInclusion(JsonInclude.Include.NON_ABSENT)
      .build();

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
    }
  }
}
