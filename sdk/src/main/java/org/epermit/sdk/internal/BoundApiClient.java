package org.epermit.sdk.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import org.epermit.sdk.internal.generated.ApiClient;

/**
 * The generated {@link ApiClient}, bound to one call: generated API classes built on it send through that call's
 * {@link CallHttpClient} and read with the client's shared object mapper.
 */
final class BoundApiClient extends ApiClient {

    private final HttpClient call;

    BoundApiClient(HttpClient call, ObjectMapper mapper, String baseUri) {
        super(null, mapper, baseUri);
        this.call = call;
    }

    @Override
    public HttpClient getHttpClient() {
        return call;
    }

    /** The shared mapper itself: the generated default copies it for every API object, losing its warm caches. */
    @Override
    public ObjectMapper getObjectMapper() {
        return mapper;
    }
}
