package org.epermit.sdk.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.openapitools.jackson.nullable.JsonNullableModule;

/** How the SDK reads and writes the API's JSON with the generated models. */
public final class Json {

    private Json() {
    }

    /**
     * A new object mapper for one client: unknown fields are ignored (a newer API adds fields without breaking older
     * clients), unset fields are not sent (with {@code JsonNullable}, a field set to {@code null} is sent as
     * {@code null}: a merge patch clears it), dates are ISO 8601 text with their offset kept as sent.
     *
     * @return the mapper, thread-safe once configured
     */
    public static ObjectMapper newMapper() {
        return new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .registerModule(new JavaTimeModule())
                .registerModule(new JsonNullableModule());
    }
}
