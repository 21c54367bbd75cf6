package org.epermit.api.gateway.auth;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.epermit.api.gateway.Caller;

import java.util.Optional;

/** The caller of the current request, for resources and services. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Optional<Caller> get() {
        return identity.isAnonymous() ? Optional.empty() : Optional.ofNullable(identity.getAttribute(Caller.ATTRIBUTE));
    }

    /** The authenticated caller; an anonymous request is refused with 401. */
    public Caller required() {
        return get().orElseThrow(UnauthorizedException::new);
    }
}
