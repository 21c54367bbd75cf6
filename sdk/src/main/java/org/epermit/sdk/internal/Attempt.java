package org.epermit.sdk.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One HTTP exchange with a hard time limit on the whole of it: connecting, sending and reading the entire body. */
public final class Attempt {

    private Attempt() {
    }

    /**
     * Sends a request and reads the whole response within the budget.
     *
     * @param http    the client
     * @param request the request
     * @param budget  the most the exchange may take
     * @return the response, whatever its status
     * @throws Failed if no response arrived in time or the connection failed
     * @throws InterruptedException if the thread was interrupted while waiting
     */
    public static HttpResponse<byte[]> send(HttpClient http, HttpRequest request, Duration budget)
            throws Failed, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return future.get(Math.max(1, budget.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Failed("no complete response within " + describe(budget), true, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                boolean timedOut = io instanceof java.net.http.HttpTimeoutException;
                throw new Failed(describe(io), timedOut, io);
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /**
     * Formats a duration for messages: {@code 1.5 s}, {@code 250 ms}.
     *
     * @param d the duration
     * @return the text
     */
    public static String describe(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : (ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0));
    }

    /** An exchange that produced no response: a connection failure or a timeout. */
    public static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean timedOut;

        Failed(String message, boolean timedOut, Throwable cause) {
            super(message, cause);
            this.timedOut = timedOut;
        }

        /**
         * Tells whether the exchange ran out of time (rather than failing outright).
         *
         * @return whether it timed out
         */
        public boolean timedOut() {
            return timedOut;
        }
    }
}
