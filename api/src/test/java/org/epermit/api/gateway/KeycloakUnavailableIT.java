package org.epermit.api.gateway;

import org.epermit.api.testing.PackagedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service without a usable Keycloak: with none configured (the embedded default) a bearer token is a
 * 401 like a bad key; with one configured but unreachable, bearer calls are a 503 (the token may be fine), except
 * for a token that is not even JWT-shaped (a 401, decided locally), while API keys and public reads keep working.
 */
class KeycloakUnavailableIT {

    /** JWT-shaped, so that only the missing Keycloak can refuse it. */
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    private final List<PackagedApp> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (PackagedApp app : started) {
            app.kill();
        }
    }

    @Test
    void bearer_tokens_fail_cleanly_without_keycloak_and_api_keys_are_unaffected() throws Exception {
        Path dataDir = Files.createTempDirectory("epermit-it").resolve("postgres");
        int port = PackagedApp.freePort();

        PackagedApp off = start(dataDir, port, Map.of());
        off.awaitLine("ePermit Open API is ready");
        HttpResponse<String> me = off.get("/v1/me", "Authorization", "Bearer " + TOKEN);
        assertProblem(me, 401, "UNAUTHENTICATED");
        assertThat(me.headers().firstValue("WWW-Authenticate")).hasValue("ApiKey realm=\"epermit\"");
        assertProblem(off.get("/v1/reference/pollutants", "Authorization", "Bearer " + TOKEN), 401, "UNAUTHENTICATED");
        assertThat(off.get("/v1/me", "X-API-Key", off.demoKey("vendor")).statusCode()).isEqualTo(200);
        off.stop();

        int closed = PackagedApp.freePort();  // nothing listens there
        PackagedApp down = start(dataDir, port, Map.of("QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:" + closed + "/realms/epermit"));
        down.awaitLine("ePermit Open API is ready");
        assertProblem(down.get("/v1/me", "Authorization", "Bearer " + TOKEN), 503, "SERVICE_UNAVAILABLE");
        // a token that cannot be a JWT is refused without asking Keycloak: a 401, Keycloak down or not
        assertProblem(down.get("/v1/me", "Authorization", "Bearer opaque-token-0123456789"), 401, "UNAUTHENTICATED");
        assertThat(down.get("/v1/me", "X-API-Key", down.demoKey("vendor")).statusCode()).isEqualTo(200);
        assertThat(down.get("/v1/public/permits?limit=1").statusCode()).isEqualTo(200);
        HttpResponse<String> unauthenticated = down.get("/v1/me");
        assertProblem(unauthenticated, 401, "UNAUTHENTICATED");
        assertThat(unauthenticated.headers().firstValue("WWW-Authenticate")).hasValue("ApiKey realm=\"epermit\", Bearer realm=\"epermit\"");
        assertThat(down.output()).doesNotContain(TOKEN);
        down.stop();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"" + code + "\"");
    }

    private PackagedApp start(Path dataDir, int port, Map<String, String> env) throws Exception {
        PackagedApp app = PackagedApp.start(dataDir, port, env);
        started.add(app);
        return app;
    }
}
