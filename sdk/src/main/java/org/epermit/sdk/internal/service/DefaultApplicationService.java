package org.epermit.sdk.internal.service;

import java.util.List;
import java.util.Objects;
import org.epermit.sdk.Page;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.errors.ErrorDetails;
import org.epermit.sdk.errors.FieldError;
import org.epermit.sdk.errors.ValidationException;
import org.epermit.sdk.internal.ApiRequest;
import org.epermit.sdk.internal.LocalChecks;
import org.epermit.sdk.internal.Transport;
import org.epermit.sdk.model.Application;
import org.epermit.sdk.model.ApplicationBody;
import org.epermit.sdk.model.ApplicationPage;
import org.epermit.sdk.model.ApplicationRequirements;
import org.epermit.sdk.model.ApplicationType;
import org.epermit.sdk.model.PermitCategory;
import org.epermit.sdk.param.ApplicationSearchParams;
import org.epermit.sdk.service.ApplicationService;

/** {@link ApplicationService} over the client's transport. */
public final class DefaultApplicationService implements ApplicationService {

    private final Transport transport;
    private final LocalChecks checks;

    /**
     * Creates the service.
     *
     * @param transport the client's transport
     * @param checks    the checks made before any call (the API's lookup checks, in the client's language)
     */
    public DefaultApplicationService(Transport transport, LocalChecks checks) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.checks = Objects.requireNonNull(checks, "checks");
    }

    @Override
    public ApplicationRequirements requirements(String permitNumber, ApplicationType type, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        Objects.requireNonNull(type, "type");
        if (type == ApplicationType.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN stands for an application type this SDK version does not know; "
                    + "it cannot be sent");
        }
        return transport.call(ApiRequest.get("/v1/permits/{permitNumber}/applications/requirements", number)
                .query("type", type), ApplicationRequirements.class, options);
    }

    @Override
    public Application file(String permitNumber, ApplicationBody body, RequestOptions options) {
        String number = checks.permitNumber(permitNumber);
        Objects.requireNonNull(body, "body");
        return transport.call(ApiRequest.post("/v1/permits/{permitNumber}/applications", number).json(body),
                Application.class, options);
    }

    @Override
    public ApplicationRequirements initialRequirements(PermitCategory category, RequestOptions options) {
        Objects.requireNonNull(category, "category");
        if (category == PermitCategory.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN stands for a category this SDK version does not know; it cannot be sent");
        }
        return transport.call(ApiRequest.get("/v1/applications/requirements").query("type", ApplicationType.INITIAL)
                .query("category", category), ApplicationRequirements.class, options);
    }

    @Override
    public Application fileInitial(ApplicationBody body, RequestOptions options) {
        Objects.requireNonNull(body, "body");
        if (body.getType() != ApplicationType.INITIAL) {
            throw new IllegalArgumentException("POST /v1/applications takes INITIAL applications; file a " + body.getType()
                    + " on its permit with file(permitNumber, body)");
        }
        return transport.call(ApiRequest.post("/v1/applications").json(body), Application.class, options);
    }

    @Override
    public Application get(long applicationId, RequestOptions options) {
        return transport.call(ApiRequest.get("/v1/applications/{id}", id(applicationId)), Application.class, options);
    }

    @Override
    public Application withdraw(long applicationId, RequestOptions options) {
        return transport.call(ApiRequest.post("/v1/applications/{id}/withdrawal", id(applicationId)), Application.class,
                options);
    }

    @Override
    public Application resubmit(long applicationId, ApplicationBody body, RequestOptions options) {
        Objects.requireNonNull(body, "body");
        return transport.call(ApiRequest.post("/v1/applications/{id}/resubmission", id(applicationId)).json(body),
                Application.class, options);
    }

    @Override
    public Page<Application> listPage(ApplicationSearchParams params, String cursor, RequestOptions options) {
        Objects.requireNonNull(params, "params");
        String number = params.permitNumber() == null ? null : checks.permitNumber(params.permitNumber());
        ApplicationPage page = transport.call(ApiRequest.get("/v1/applications").query("type", params.type())
                .query("status", params.status()).query("permitNumber", number).query("limit", params.limit())
                .query("cursor", cursor), ApplicationPage.class, options);
        return new Page<>(page.getItems() == null ? List.of() : page.getItems(), page.getNextCursor());
    }

    /** Application ids are positive: anything else is a typo the API would answer with a 404 at best. */
    private static long id(long applicationId) {
        if (applicationId < 1) {
            throw new ValidationException(ErrorDetails.local(400, "VALIDATION_FAILED",
                    "An application id is a positive whole number, got " + applicationId + ".",
                    List.of(new FieldError("path.id", "FORMAT", "must be a positive whole number"))));
        }
        return applicationId;
    }
}
