package org.epermit.api.gateway.auth;

import io.quarkus.logging.Log;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.epermit.api.gateway.Caller;
import org.epermit.api.gateway.CredentialType;
import org.epermit.api.gateway.GatewayConfig;
import org.epermit.api.gateway.RegisteredClients;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a Keycloak access token that quarkus-oidc has verified (signature, issuer, audience, expiry) into the same
 * identity an API key gives ({@link CallerIdentity}): the token's client ({@code azp}, else {@code client_id}) must
 * be a registered, active API client ({@code api_client.oidc_client_id}); the caller gets the scopes and roles that
 * both the token and the registration grant (least privilege); the subject is the token's {@code sub}.
 *
 * <p>A token whose client is unknown, suspended or deleted is refused like a bad API key: 401 {@code UNAUTHENTICATED}
 * with the same body. Keycloak vouches for who the token's holder is, but only the registry makes it a caller of this
 * API; a token the registry does not accept is a credential that does not work here, and the answer must not tell an
 * outsider whether a client exists or is suspended. The reason is logged (client id only, never the token).
 *
 * <p>One indexed read per request ({@code oidc_client_id} is unique), so suspending or deleting a client stops its
 * tokens at once on every instance, as it stops its keys.
 */
@ApplicationScoped
public class BearerTokenAugmentor implements SecurityIdentityAugmentor {

    private static final Pattern REGION = Pattern.compile("[0-9]{2}|[0-9]{4}|[0-9]{6}");

    private final RegisteredClients clients;
    private final String apiClientId;
    private final String regionClaim;

    public BearerTokenAugmentor(RegisteredClients clients, GatewayConfig config,
                                @ConfigProperty(name = "quarkus.oidc.client-id", defaultValue = "epermit-api") String apiClientId) {
        this.clients = clients;
        this.apiClientId = apiClientId;
        this.regionClaim = config.regionClaim();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getCredential(AccessTokenCredential.class) == null) {
            return Uni.createFrom().item(identity);  // not a bearer token: an API key identity passes unchanged
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return refuse("(opaque token)", "only JWT access tokens are accepted");
        }
        String client = text(token.getClaim("azp")).or(() -> text(token.getClaim("client_id"))).orElse(null);
        if (client == null) {
            return refuse("(none)", "the token names no client (azp or client_id)");
        }
        return clients.byOidcClient(client).map(found -> {
            RegisteredClients.Registration r = found.orElseThrow(
                    () -> refusal(client, "is not registered as an API client (oidcClientId)"));
            if (!r.active()) {
                throw refusal(client, "belongs to an API client that is " + r.status());
            }
            return CallerIdentity.of(caller(token, client, r));
        });
    }

    private Caller caller(JsonWebToken token, String client, RegisteredClients.Registration r) {
        Set<String> registeredRoles = r.roles();
        Set<String> registeredScopes = r.scopes();

        Set<String> roles = new LinkedHashSet<>(tokenRoles(token));
        roles.retainAll(Caller.ROLES);
        roles.retainAll(registeredRoles);

        Set<String> scopes = new LinkedHashSet<>();
        text(token.getClaim("scope")).ifPresent(s -> scopes.addAll(Arrays.asList(s.trim().split("\\s+"))));
        scopes.retainAll(Caller.SCOPES);
        scopes.retainAll(registeredScopes);
        if (!roles.contains("admin")) {
            scopes.remove("admin");  // as in the registry: the admin scope only with the admin role
        }

        Optional<String> region = r.regionCode();
        Optional<String> claimed = text(token.getClaim(regionClaim));
        if (roles.contains("regulator") && claimed.isPresent()) {
            String narrower = claimed.get();
            if (!REGION.matcher(narrower).matches() || region.isEmpty() || !narrower.startsWith(region.get())) {
                throw refusal(client, "sent a region claim outside the region it is registered for");
            }
            region = claimed;
        }
        String subject = text(token.getClaim("sub")).orElse("client:" + client);
        return r.caller(CredentialType.OAUTH2, subject, roles, scopes, region);
    }

    /** {@code realm_access.roles} and {@code resource_access.<the API's client>.roles}. */
    private Set<String> tokenRoles(JsonWebToken token) {
        Set<String> roles = new LinkedHashSet<>(strings(member(token.getClaim("realm_access"), "roles")));
        roles.addAll(strings(member(member(token.getClaim("resource_access"), apiClientId), "roles")));
        return roles;
    }

    private static Object member(Object object, String name) {
        if (object instanceof JsonObject json) {
            return json.get(name);
        }
        if (object instanceof Map<?, ?> map) {
            return map.get(name);
        }
        return null;
    }

    private static Set<String> strings(Object value) {
        Set<String> result = new LinkedHashSet<>();
        if (value instanceof JsonArray array) {
            for (JsonValue v : array) {
                text(v).ifPresent(result::add);
            }
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(v -> text(v).ifPresent(result::add));
        }
        return result;
    }

    private static Optional<String> text(Object value) {
        if (value instanceof JsonString s) {
            return Optional.of(s.getString()).filter(v -> !v.isBlank());
        }
        if (value instanceof String s) {
            return Optional.of(s).filter(v -> !v.isBlank());
        }
        return Optional.empty();
    }

    private static Uni<SecurityIdentity> refuse(String client, String reason) {
        return Uni.createFrom().failure(refusal(client, reason));
    }

    private static AuthenticationFailedException refusal(String client, String reason) {
        Log.infof("bearer token refused: Keycloak client %s %s", client, reason);
        return new AuthenticationFailedException();
    }
}
