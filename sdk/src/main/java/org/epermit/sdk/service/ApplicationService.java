package org.epermit.sdk.service;

import java.util.Objects;
import org.epermit.sdk.ApiTag;
import org.epermit.sdk.OperationId;
import org.epermit.sdk.Page;
import org.epermit.sdk.PagedIterable;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.model.Application;
import org.epermit.sdk.model.ApplicationBody;
import org.epermit.sdk.model.ApplicationEnterprise;
import org.epermit.sdk.model.ApplicationRequirements;
import org.epermit.sdk.model.ApplicationType;
import org.epermit.sdk.model.PermitCategory;
import org.epermit.sdk.model.PermitDraft;
import org.epermit.sdk.param.ApplicationSearchParams;

/**
 * Permit applications (申请), filed by the enterprise or a vendor it delegated (scope {@code applications:write}): what a
 * type needs today, filing, reading, listing your own, and withdrawal. Reached through
 * {@link org.epermit.sdk.EPermitClient#applications()}.
 *
 * <p>A permit draft ({@link PermitDraft}: the site, category, industries, outlets with their limits and monitoring,
 * annual quantities, report obligations) goes with an initial application ({@link #fileInitial}, for a site without a
 * permit; {@link #initialRequirements} says what it needs) and with a reapplication on a permit ({@link #reapply}).
 *
 * <p>The usual round: {@link #requirements} says whether the permit takes a type today, what the body needs, the
 * filing deadline and the decision period; {@link #file} files it and returns it {@code SUBMITTED}, with the findings
 * it was accepted with (a late renewal or change); {@link #get} follows it; {@link #withdraw} takes it back while it
 * is open; {@link #resubmit} sends it again, corrected, after a regulator returned it.
 *
 * <p>Refusals: an application that fails its type's rules is a {@link org.epermit.sdk.errors.ValidationException}
 * with code {@code APPLICATION_REJECTED} and one field error per failing field (its JSON pointer into the body and its
 * code from docs/applications.md); an open application of the same type is a
 * {@link org.epermit.sdk.errors.ConflictException} with code {@code APPLICATION_OPEN} naming it. Filings and
 * withdrawals carry an {@code Idempotency-Key} (one per call, reused by its retries), so a retry never files twice.
 *
 * <p>An interface, so that your tests can stand in for the API; the client's own implementation is thread-safe.
 */
@ApiTag("Applications")
public interface ApplicationService {

    /**
     * Says what an application of a type needs for a permit today: whether the permit takes it (and why not), the
     * body's fields, the kinds of attachment, the filing deadline and whether it has passed, the decision period.
     *
     * @param permitNumber the permit number
     * @param type         the application type
     * @return the requirements
     * @throws org.epermit.sdk.errors.ValidationException {@code INVALID_PERMIT_NUMBER}, before any call, if malformed
     */
    @OperationId("getApplicationRequirements")
    default ApplicationRequirements requirements(String permitNumber, ApplicationType type) {
        return requirements(permitNumber, type, RequestOptions.none());
    }

    /**
     * Says what an application of a type needs, with options.
     *
     * @param permitNumber the permit number
     * @param type         the application type
     * @param options      options for this call
     * @return the requirements
     */
    @OperationId("getApplicationRequirements")
    ApplicationRequirements requirements(String permitNumber, ApplicationType type, RequestOptions options);

    /**
     * Files an application on a permit.
     *
     * @param permitNumber the permit number
     * @param body         the application: its type, {@code truthful = true}, and the section its type needs
     * @return the application as stored, {@code SUBMITTED}
     * @throws org.epermit.sdk.errors.ValidationException {@code APPLICATION_REJECTED}, every failing field listed
     * @throws org.epermit.sdk.errors.ConflictException   {@code APPLICATION_OPEN}, naming the open one
     */
    @OperationId("fileApplication")
    default Application file(String permitNumber, ApplicationBody body) {
        return file(permitNumber, body, RequestOptions.none());
    }

    /**
     * Files an application on a permit, with options (an {@code Idempotency-Key} of your own, for instance).
     *
     * @param permitNumber the permit number
     * @param body         the application
     * @param options      options for this call
     * @return the application as stored
     */
    @OperationId("fileApplication")
    Application file(String permitNumber, ApplicationBody body, RequestOptions options);

    /**
     * Says what an initial application under a management category needs: the body's fields (the unit and the permit
     * draft), the kinds of attachment, and the decision period (for KEY also the longer one with a site inspection).
     * REGISTRATION units register themselves: the answer says it is not allowed.
     *
     * @param category the category applied for
     * @return the requirements
     */
    @OperationId("getInitialApplicationRequirements")
    default ApplicationRequirements initialRequirements(PermitCategory category) {
        return initialRequirements(category, RequestOptions.none());
    }

    /**
     * Says what an initial application under a category needs, with options.
     *
     * @param category the category applied for
     * @param options  options for this call
     * @return the requirements
     */
    @OperationId("getInitialApplicationRequirements")
    ApplicationRequirements initialRequirements(PermitCategory category, RequestOptions options);

    /**
     * Files an initial application (首次申请): a permit for a site that has none. The unit is named by its credit code
     * when the service knows it; a new unit also gives its name, address and legal representative, and is registered
     * with the filing.
     *
     * @param enterprise the unit applying
     * @param draft      the permit applied for
     * @param truthful   the unit's commitment that the application is true; the API refuses {@code false}
     * @param statement  free text to the regulator, or {@code null}
     * @return the application as stored, {@code SUBMITTED}, without a permit number yet
     * @throws org.epermit.sdk.errors.ValidationException {@code APPLICATION_REJECTED}, every failing field of the unit
     *                                                    and the draft listed with its JSON pointer
     * @throws org.epermit.sdk.errors.PermissionException {@code NOT_DELEGATED}: a known unit has not delegated all its
     *                                                    permits to you with {@code applications:write}
     */
    @OperationId("fileInitialApplication")
    default Application fileInitial(ApplicationEnterprise enterprise, PermitDraft draft, boolean truthful, String statement) {
        Objects.requireNonNull(enterprise, "enterprise");
        Objects.requireNonNull(draft, "draft");
        return fileInitial(new ApplicationBody().type(ApplicationType.INITIAL).truthful(truthful).statement(statement)
                .enterprise(enterprise).draft(draft), RequestOptions.none());
    }

    /**
     * Files an initial application given as a whole body, with options (an {@code Idempotency-Key} of your own, for
     * instance).
     *
     * @param body    the application: type {@code INITIAL}, {@code truthful}, {@code enterprise} and {@code draft}
     * @param options options for this call
     * @return the application as stored
     * @throws IllegalArgumentException when the body's type is not {@code INITIAL} (file the others on their permit)
     */
    @OperationId("fileInitialApplication")
    Application fileInitial(ApplicationBody body, RequestOptions options);

    /**
     * Files a reapplication (重新申请) on a permit with the permit as it is to be: for a new, rebuilt or expanded project,
     * a change of site, outlets, discharge, pollutants, quantities or limits.
     *
     * @param permitNumber the permit number
     * @param draft        the permit as it is to be
     * @param truthful     the unit's commitment that the application is true; the API refuses {@code false}
     * @param statement    free text to the regulator (what changes and why), or {@code null}
     * @return the application as stored, {@code SUBMITTED}
     * @throws org.epermit.sdk.errors.ValidationException {@code APPLICATION_REJECTED}, every failing field listed
     * @throws org.epermit.sdk.errors.ConflictException   {@code APPLICATION_OPEN}, naming the open one
     */
    @OperationId("fileApplication")
    default Application reapply(String permitNumber, PermitDraft draft, boolean truthful, String statement) {
        Objects.requireNonNull(draft, "draft");
        return file(permitNumber, new ApplicationBody().type(ApplicationType.REAPPLICATION).truthful(truthful)
                .statement(statement).draft(draft), RequestOptions.none());
    }

    /**
     * Reads an application with its history.
     *
     * @param applicationId the application's id
     * @return the application
     * @throws org.epermit.sdk.errors.NotFoundException {@code APPLICATION_NOT_FOUND}, also for one you may not read
     */
    @OperationId("getApplication")
    default Application get(long applicationId) {
        return get(applicationId, RequestOptions.none());
    }

    /**
     * Reads an application, with options.
     *
     * @param applicationId the application's id
     * @param options       options for this call
     * @return the application
     */
    @OperationId("getApplication")
    Application get(long applicationId, RequestOptions options);

    /**
     * Withdraws an application while it is SUBMITTED, ACCEPTED or RETURNED.
     *
     * @param applicationId the application's id
     * @return the application, {@code WITHDRAWN}
     * @throws org.epermit.sdk.errors.ConflictException {@code APPLICATION_NOT_OPEN} once decided or withdrawn
     */
    @OperationId("withdrawApplication")
    default Application withdraw(long applicationId) {
        return withdraw(applicationId, RequestOptions.none());
    }

    /**
     * Withdraws an application, with options.
     *
     * @param applicationId the application's id
     * @param options       options for this call
     * @return the application
     */
    @OperationId("withdrawApplication")
    Application withdraw(long applicationId, RequestOptions options);

    /**
     * Resubmits a RETURNED application, corrected: checked again like a filing, then SUBMITTED and back in the
     * regulator's queue with its history kept.
     *
     * @param applicationId the application's id
     * @param body          the corrected application, of the same type
     * @return the application, {@code SUBMITTED}
     * @throws org.epermit.sdk.errors.ValidationException {@code APPLICATION_REJECTED}, every failing field listed
     * @throws org.epermit.sdk.errors.ConflictException   {@code APPLICATION_NOT_RETURNED} unless it was returned
     */
    @OperationId("resubmitApplication")
    default Application resubmit(long applicationId, ApplicationBody body) {
        return resubmit(applicationId, body, RequestOptions.none());
    }

    /**
     * Resubmits a returned application, with options.
     *
     * @param applicationId the application's id
     * @param body          the corrected application
     * @param options       options for this call
     * @return the application
     */
    @OperationId("resubmitApplication")
    Application resubmit(long applicationId, ApplicationBody body, RequestOptions options);

    /**
     * Lists your own applications (those your client filed and, for an enterprise's client, its unit's), newest
     * first, fetching pages lazily.
     *
     * @param params the filters ({@link ApplicationSearchParams#all()} for all)
     * @return the applications
     */
    @OperationId("listApplications")
    default PagedIterable<Application> list(ApplicationSearchParams params) {
        return list(params, RequestOptions.none());
    }

    /**
     * Lists your own applications, with options for each page's request.
     *
     * @param params  the filters
     * @param options options for each page's request
     * @return the applications
     */
    @OperationId("listApplications")
    default PagedIterable<Application> list(ApplicationSearchParams params, RequestOptions options) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(options, "options");
        return new PagedIterable<>(cursor -> listPage(params, cursor, options));
    }

    /**
     * Fetches one page of your own applications.
     *
     * @param params  the filters; the same as for the page the cursor came from
     * @param cursor  the previous page's {@link Page#nextCursor()}, or {@code null} for the first page
     * @param options options for this request
     * @return the page
     */
    @OperationId("listApplications")
    Page<Application> listPage(ApplicationSearchParams params, String cursor, RequestOptions options);
}
