package org.epermit.api.common;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.time.temporal.Temporal;

/**
 * Request bodies are read strictly. Jackson's defaults let a body mean something other than what it seems to say:
 * of two equal keys the last wins ({@code "roles":["vendor"],"roles":["admin"]}), whatever follows the first
 * document is ignored, {@code 123} and {@code true} become strings (and strings numbers), a number is taken as a
 * time in epoch seconds, {@code ""} as an absent time, any year Java can hold is a time (PostgreSQL stores one
 * beyond its range as infinity), and a {@code null} inside a list reaches the code as a null.
 * Each of these is refused here, for every body, so that no resource has to remember to; {@code ProblemMapper} turns
 * the refusal into a field error naming where it happened.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // strings to numbers and booleans, and numbers to booleans
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // ...and the other way, which that feature leaves alone
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // times are ISO-8601 strings within TimeRange, never numbers, never empty
        mapper.setDefaultLeniency(false);
        mapper.registerModule(new SimpleModule("strict-times").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription type,
                                                          JsonDeserializer<?> deserializer) {
                return Temporal.class.isAssignableFrom(type.getBeanClass()) ? new StrictTimeDeserializer(deserializer) : deserializer;
            }
        }));
        // a list's elements are never null; an absent or null list itself is for each field to judge
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
    }
}
