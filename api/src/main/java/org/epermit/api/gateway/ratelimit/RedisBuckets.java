package org.epermit.api.gateway.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.quarkus.logging.Log;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The buckets every instance shares, in Redis, through one Lettuce connection. It also says when Redis must not be
 * used: after a failure, for the retry interval, so an outage costs one failed attempt per interval rather than a
 * timeout per request. Commands are rejected at once while the connection is down (Lettuce reconnects in the
 * background), and time out after the configured timeout when Redis hangs.
 */
final class RedisBuckets implements AutoCloseable {

    private final RedisClient client;
    private final RedisURI uri;
    private final String where;
    private final Duration connectTimeout;
    private final long retryIntervalNanos;
    private final TimeMeter clock;
    private final Duration keepAfterRefill;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile AsyncProxyManager<String> buckets;
    private volatile long unusableUntil;
    private volatile boolean closed;

    RedisBuckets(String redisUri, Duration timeout, Duration connectTimeout, Duration retryInterval, TimeMeter clock,
                 Duration keepAfterRefill) {
        this.uri = RedisURI.create(redisUri);
        this.uri.setTimeout(connectTimeout);  // the connection handshake; commands have the (shorter) timeout below
        this.where = uri.getHost() + ":" + uri.getPort();  // never the password
        this.connectTimeout = connectTimeout;
        this.retryIntervalNanos = retryInterval.toNanos();
        this.clock = clock;
        this.keepAfterRefill = keepAfterRefill;
        this.client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
                .build());
    }

    /** Connects, waiting at most the connect timeout; an unreachable Redis is logged and retried later, never fatal. */
    void start() {
        connect();
        long deadline = System.nanoTime() + connectTimeout.toNanos() + 100_000_000L;
        while (buckets == null && connecting.get() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The shared buckets, or empty while Redis is unusable: then the caller decides in-process. */
    Optional<AsyncProxyManager<String>> buckets() {
        long until = unusableUntil;
        if (until != 0 && System.nanoTime() - until < 0) {
            return Optional.empty();
        }
        AsyncProxyManager<String> current = buckets;
        if (current == null) {
            connect();
            return Optional.empty();
        }
        return Optional.of(current);
    }

    /**
     * Whether Redis answers a PING (within the command timeout), recorded like any operation. For an instance that
     * serves no request to find out that Redis is back; like a request, it tries only after the retry interval.
     */
    CompletionStage<Boolean> ping() {
        if (buckets().isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        CompletionStage<String> pong;
        try {
            pong = connection.async().ping();
        } catch (RuntimeException e) {
            pong = CompletableFuture.failedFuture(e);
        }
        return pong.handle((answer, failure) -> {
            if (failure != null) {
                failed(failure);
                return false;
            }
            succeeded();
            return true;
        });
    }

    boolean usable() {
        return buckets != null && !down.get();
    }

    String where() {
        return where;
    }

    /** A Redis operation failed: decide in-process until the retry interval has passed. */
    void failed(Throwable failure) {
        long until = System.nanoTime() + retryIntervalNanos;
        unusableUntil = until == 0 ? 1 : until;
        if (down.compareAndSet(false, true) && !closed) {
            Log.warnf("Rate limits: Redis at %s is unreachable (%s); limits are enforced per instance until it is back",
                    where, rootMessage(failure));
        }
    }

    /** A Redis operation succeeded. */
    void succeeded() {
        if (down.get() && down.compareAndSet(true, false)) {
            unusableUntil = 0;
            Log.infof("Rate limits: Redis at %s is back; limits are shared by every instance again", where);
        }
    }

    private void connect() {
        if (closed || !connecting.compareAndSet(false, true)) {
            return;
        }
        client.connectAsync(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri).whenComplete((opened, failure) -> {
            if (failure != null) {
                failed(failure);
            } else if (closed) {
                opened.closeAsync();
            } else {
                connection = opened;
                buckets = Bucket4jLettuce.casBasedBuilder(opened)
                        .clientClock(clock)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keepAfterRefill))
                        .build()
                        .asAsync();
                down.set(false);
                unusableUntil = 0;
                Log.infof("Rate limits: buckets are shared through Redis at %s", where);
            }
            connecting.set(false);
        });
    }

    @Override
    public void close() {
        closed = true;
        StatefulRedisConnection<String, byte[]> open = connection;
        try {
            if (open != null) {
                open.closeAsync().get(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            Log.debugf("Rate limits: closing the Redis connection: %s", e.toString());
        }
        client.shutdownAsync(0, 1, TimeUnit.SECONDS);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
