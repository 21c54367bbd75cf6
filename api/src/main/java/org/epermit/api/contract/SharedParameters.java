package org.epermit.api.contract;

/**
 * The names of the parameters declared once in the contract's components ({@link ApiDefinition}); an operation
 * takes one with {@code @Parameter(ref = SharedParameters.LIMIT)}.
 */
public final class SharedParameters {

    /** Page size, on every cursor-paged listing. */
    public static final String LIMIT = "limit";
    /** The previous page's {@code nextCursor}, on every cursor-paged listing. */
    public static final String CURSOR = "cursor";

    // The permit search's filters, shared by the public search and the full-view search.
    public static final String Q = "q";
    public static final String REGION = "region";
    public static final String INDUSTRY = "industry";
    public static final String CATEGORY = "category";
    public static final String STATUS = "status";
    public static final String EXPIRING_BEFORE = "expiringBefore";
    public static final String DUE_FOR_RENEWAL = "dueForRenewal";

    // The monitoring-record listings' filters, shared by the full and the public listing.
    public static final String OUTLET = "outlet";
    public static final String POLLUTANT = "pollutant";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String EXCEEDANCES_ONLY = "exceedancesOnly";

    /** The calendar year an operation reports on (required): a permit's obligations and compliance. */
    public static final String YEAR = "year";

    // The execution-report listings' filters, shared by the full and the public listing. Their component keys are not
    // their names (declared in META-INF/openapi.yaml, not here): `status` is the permit search's, `year` the required one.
    public static final String REPORT_TYPE = "reportType";
    /** The application type: the listing's filter and the requirements' (required) choice; declared in META-INF/openapi.yaml. */
    public static final String APPLICATION_TYPE = "applicationType";
    public static final String REPORT_YEAR = "reportYear";
    public static final String REPORT_STATUS = "reportStatus";

    // The statistics' grouping, shared by every statistics operation.
    public static final String GROUP_BY = "groupBy";
    public static final String INDUSTRY_LEVEL = "industryLevel";

    /** The permit number in the path of every operation on one permit. */
    public static final String PERMIT_NUMBER = "permitNumber";

    private SharedParameters() {
    }
}
