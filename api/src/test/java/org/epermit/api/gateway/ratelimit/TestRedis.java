package org.epermit.api.gateway.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Redis the shared-limit tests run against: 127.0.0.1:6379, or {@code EPERMIT_TEST_REDIS=host:port}. Without one
 * those tests are skipped, unless {@code EPERMIT_REQUIRE_REDIS=true} (CI), where a missing Redis fails them: a CI run
 * must not pass by skipping the only proof that instances share their limits.
 */
final class TestRedis {

    private static final String ADDRESS = System.getenv().getOrDefault("EPERMIT_TEST_REDIS", "127.0.0.1:6379");
    static final String HOST = ADDRESS.substring(0, ADDRESS.lastIndexOf(':'));
    static final int PORT = Integer.parseInt(ADDRESS.substring(ADDRESS.lastIndexOf(':') + 1));

    private TestRedis() {
    }

    /** Skips the calling test (or fails it, where Redis is required) when Redis does not answer. */
    static void assumeRunning() {
        if (reachable()) {
            return;
        }
        String missing = "no Redis at " + HOST + ":" + PORT + " (EPERMIT_TEST_REDIS=host:port to use another)";
        if (Boolean.parseBoolean(System.getenv("EPERMIT_REQUIRE_REDIS"))) {
            fail(missing + ", and EPERMIT_REQUIRE_REDIS=true: the shared-limit tests must run");
        }
        assumeTrue(false, missing + ": the shared-limit tests are skipped (EPERMIT_REQUIRE_REDIS=true makes this a failure)");
    }

    static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes the keys under {@code prefix}, if Redis is there. */
    static void deleteKeys(String prefix) {
        if (!reachable()) {
            return;
        }
        RedisClient client = RedisClient.create("redis://" + HOST + ":" + PORT);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = connection.sync().keys(prefix + "*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }
}
