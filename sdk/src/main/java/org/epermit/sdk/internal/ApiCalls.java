package org.epermit.sdk.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.errors.ErrorDetails;
import org.epermit.sdk.errors.UnexpectedResponseException;
import org.epermit.sdk.internal.generated.ApiClient;
import org.epermit.sdk.internal.generated.ApiException;

/**
 * Runs one operation through the generated layer: builds the generated API class for the call (bound to the transport
 * with the call's options) and invokes one of its methods. This is how every SDK method reaches the API:
 *
 * <pre>{@code
 * return calls.call(options, PublicPermitsApi::new, api -> api.getPublicPermit(number));
 * }</pre>
 */
public final class ApiCalls {

    private final Transport transport;
    private final ObjectMapper json;
    private final String baseUri;

    /**
     * Creates the runner.
     *
     * @param transport the client's transport
     * @param json      the generated layer's object mapper, shared by all calls
     * @param baseUri   the API's base URI, without a trailing slash
     */
    public ApiCalls(Transport transport, ObjectMapper json, String baseUri) {
        this.transport = transport;
        this.json = json;
        this.baseUri = baseUri;
    }

    /**
     * Calls one generated operation.
     *
     * @param options the call's options
     * @param api     the generated API class's constructor, e.g. {@code PublicPermitsApi::new}
     * @param call    the operation, e.g. {@code api -> api.getPublicPermit(number)}
     * @param <A>     the generated API class
     * @param <T>     the result
     * @return the operation's result
     * @throws org.epermit.sdk.errors.EPermitException if the call failed
     */
    public <A, T> T call(RequestOptions options, Function<ApiClient, A> api, GeneratedCall<A, T> call) {
        Objects.requireNonNull(options, "options");
        A bound = api.apply(new BoundApiClient(new CallHttpClient(transport, options), json, baseUri));
        try {
            return call.invoke(bound);
        } catch (ApiException e) {
            // The transport turns every failed response into a typed exception, so what reaches here is the generated
            // layer failing on a successful one: a body it could not read into the model.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new UnexpectedResponseException(ErrorDetails.local(0, "UNREADABLE_RESPONSE",
                    "The API's response could not be read: " + cause.getMessage(), List.of()), cause);
        }
    }

    /**
     * Calls one generated operation that returns nothing (e.g. a DELETE answered with 204).
     *
     * @param options the call's options
     * @param api     the generated API class's constructor
     * @param action  the operation, e.g. {@code api -> api.revokeDelegation(id)}
     * @param <A>     the generated API class
     * @throws org.epermit.sdk.errors.EPermitException if the call failed
     */
    public <A> void run(RequestOptions options, Function<ApiClient, A> api, GeneratedAction<A> action) {
        call(options, api, bound -> {
            action.invoke(bound);
            return null;
        });
    }

    /**
     * One invocation of a generated API method that returns nothing.
     *
     * @param <A> the generated API class
     */
    @FunctionalInterface
    public interface GeneratedAction<A> {

        /**
         * Invokes the generated method.
         *
         * @param api the generated API object
         * @throws ApiException as the generated method declares
         */
        void invoke(A api) throws ApiException;
    }

    /**
     * One invocation of a generated API method.
     *
     * @param <A> the generated API class
     * @param <T> the result
     */
    @FunctionalInterface
    public interface GeneratedCall<A, T> {

        /**
         * Invokes the generated method.
         *
         * @param api the generated API object
         * @return the method's result
         * @throws ApiException as the generated method declares
         */
        T invoke(A api) throws ApiException;
    }
}
