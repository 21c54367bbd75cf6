package org.epermit.api.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Which representation a caller asked for, where an operation answers JSON by default and another type on request
 * (CSV, GeoJSON): the other type only when Accept prefers it to JSON, by Accept's order and weights; a wildcard or
 * JSON first means JSON.
 */
public final class PreferredMediaType {

    private PreferredMediaType() {
    }

    /** Whether the caller prefers {@code other} to JSON. */
    public static boolean prefersToJson(HttpHeaders headers, MediaType other) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(other)) {
                return true;
            }
        }
        return false;
    }
}
