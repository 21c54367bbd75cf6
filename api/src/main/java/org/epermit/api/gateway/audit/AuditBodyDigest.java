package org.epermit.api.gateway.audit;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Keeps a SHA-256 digest of every request body for the audit log (the body itself is never logged). */
@Provider
public class AuditBodyDigest implements ReaderInterceptor {

    private final CurrentVertxRequest request;

    public AuditBodyDigest(CurrentVertxRequest request) {
        this.request = request;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = context.getInputStream().readAllBytes();
        try {
            request.getCurrent().put(AuditRecorder.BODY_SHA256, MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

}
