package org.epermit.sdk.examples;

import java.time.Duration;
import org.epermit.sdk.EPermitClient;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.errors.ConnectionException;
import org.epermit.sdk.errors.EPermitException;
import org.epermit.sdk.errors.NotFoundException;
import org.epermit.sdk.errors.RateLimitedException;
import org.epermit.sdk.errors.ValidationException;
import org.epermit.sdk.model.PublicPermit;

/** Catching the SDK's typed exceptions, and per-call options. */
public final class HandlingErrors {

    private HandlingErrors() {
    }

    /**
     * Looks a permit number up and explains what went wrong, if anything.
     *
     * @param client       the client
     * @param permitNumber the number as a user typed it
     * @return the permit, or {@code null} when there is none to show
     */
    public static PublicPermit lookUp(EPermitClient client, String permitNumber) {
        RequestOptions options = RequestOptions.builder()
                .timeout(Duration.ofSeconds(10))          // this call only
                .header("Accept-Language", "zh")           // Chinese messages
                .build();
        try {
            return client.publicPermits().get(permitNumber, options);
        } catch (ValidationException e) {
            // a typo: found locally (e.getAttempts() == 0) or by the API, same code either way
            e.getFieldErrors().forEach(f -> System.out.println(f.path() + ": " + f.message() + " [" + f.code() + "]"));
        } catch (NotFoundException e) {
            System.out.println("No such permit: " + e.getDetail());
        } catch (RateLimitedException e) {
            System.out.println("Slow down; retry after " + e.getRetryAfter().map(Duration::toSeconds).orElse(60L) + " s");
        } catch (ConnectionException e) {
            System.out.println("API unreachable after " + e.getAttempts() + " attempts: " + e.getMessage());
        } catch (EPermitException e) {
            System.out.println(e.getCode() + " (quote request id " + e.getRequestId() + "): " + e.getMessage());
        }
        return null;
    }

    /**
     * Runs the example.
     *
     * @param args the API's base URL
     */
    public static void main(String[] args) {
        EPermitClient client = EPermitClient.builder().baseUrl(args.length > 0 ? args[0] : "http://localhost:8080").build();
        lookUp(client, "911302006992296177001P");   // wrong check character: fails locally with CHECKSUM
    }
}
