package org.epermit.api.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import org.epermit.api.problem.InvalidBodyValue;

import java.io.IOException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads a date or time of a body only from a JSON string, and only within {@link TimeRange}. Jackson's java.time
 * deserializers take a number as epoch seconds (or days) whatever the coercion settings say, so
 * {@code "validTo": 1893456000} would be a time, and they read any year Java can hold.
 */
final class StrictTimeDeserializer extends DelegatingDeserializer {

    StrictTimeDeserializer(JsonDeserializer<?> delegate) {
        super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
        return new StrictTimeDeserializer(delegate);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return ctxt.handleUnexpectedToken(handledType(), p);
        }
        Object value = super.deserialize(p, ctxt);
        if (value instanceof TemporalAccessor time) {
            var outside = TimeRange.check(time, "body");
            if (outside.isPresent()) {
                throw new InvalidBodyValue(p, handledType(), outside.get());
            }
        }
        return value;
    }
}
