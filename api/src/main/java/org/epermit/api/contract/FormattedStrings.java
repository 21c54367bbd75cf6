package org.epermit.api.contract;

import io.smallrye.openapi.api.util.FilterUtil;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.HashMap;

/**
 * Writes dates, times and ids as what they are on the wire: {@code type: string} with {@code format: date},
 * {@code date-time} or {@code uuid}, in place.
 * <p>
 * SmallRye OpenAPI registers {@code java.time.LocalDate}, {@code OffsetDateTime} and {@code java.util.UUID} as
 * components named after the Java classes and references them: every client generator then meets a schema called
 * {@code LocalDate}, which means nothing outside Java. A component that is a plain formatted string (a format, no
 * enumeration, no properties) is no type of the domain, so it is inlined wherever it is referenced and dropped.
 */
final class FormattedStrings {

    private FormattedStrings() {
    }

    static void inline(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, String> formats = new HashMap<>();
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            if (isFormattedString(schema)) {
                formats.put(ProblemResponsesFilter.SCHEMAS + name, schema.getFormat());
            }
        });
        if (formats.isEmpty()) {
            return;
        }
        FilterUtil.applyFilter(new OASFilter() {
            @Override
            public Schema filterSchema(Schema schema) {
                inline(schema, formats);
                return schema;
            }
        }, openAPI);
        formats.keySet().forEach(ref -> openAPI.getComponents().removeSchema(ref.substring(ProblemResponsesFilter.SCHEMAS.length())));
    }

    private static boolean isFormattedString(Schema schema) {
        return schema.getRef() == null && List.of(Schema.SchemaType.STRING).equals(schema.getType()) && schema.getFormat() != null
                && schema.getEnumeration() == null && schema.getProperties() == null;
    }

    private static void inline(Schema schema, Map<String, String> formats) {
        String format = formats.get(schema.getRef());
        if (format != null) {
            schema.setRef(null);
            if (schema.getType() == null) {
                schema.setType(List.of(Schema.SchemaType.STRING));
            }
            schema.setFormat(format);
        }
        // A nullable one comes as anyOf: [the reference, {type: null}] under type [string, "null"]: one format says it.
        List<Schema> anyOf = schema.getAnyOf();
        if (anyOf != null && anyOf.size() == 2 && isNull(anyOf.get(1))) {
            String nullable = anyOf.get(0).getRef() != null ? formats.get(anyOf.get(0).getRef())
                    : onlyFormat(anyOf.get(0));
            if (nullable != null) {
                schema.setAnyOf(null);
                schema.setType(List.of(Schema.SchemaType.STRING, Schema.SchemaType.NULL));
                schema.setFormat(nullable);
            }
        }
    }

    private static boolean isNull(Schema schema) {
        return schema.getRef() == null && List.of(Schema.SchemaType.NULL).equals(schema.getType());
    }

    /** The format of a member already inlined (a bare {@code type: string, format: …}), or null. */
    private static String onlyFormat(Schema schema) {
        return List.of(Schema.SchemaType.STRING).equals(schema.getType()) && schema.getFormat() != null
                && schema.getEnumeration() == null && schema.getProperties() == null && schema.getDescription() == null
                ? schema.getFormat() : null;
    }
}
