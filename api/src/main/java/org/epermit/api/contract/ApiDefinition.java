package org.epermit.api.contract;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.problem.Problem;

/** The contract's front matter: what the API is, where it runs, and the schema every error uses. */
@OpenAPIDefinition(
        info = @Info(
                title = "ePermit Open API",
                version = "0.1.0",
                description = """
                        Open API for China's pollutant discharge permit system (排污许可证).

                        * Public disclosure (信息公开) of permits and enterprises, without an account.
                        * Authenticated operations take an API key in the `X-API-Key` header or an OAuth2 access token \
                        from the ePermit Keycloak realm in `Authorization: Bearer …` (one of them, not both). Both end \
                        in the same caller: a registered API client with its scopes and roles.
                        * Every error is an RFC 9457 `application/problem+json` document with a stable `code`, \
                        every failing field in `errors`, and the `requestId` (also in the `X-Request-Id` header).
                        * Send `Accept-Language: zh` for Chinese titles and messages.
                        * Lists are paged with opaque cursors: pass `nextCursor` back as `cursor` with the same filters.
                        * Public responses carry an `ETag`; send it back in `If-None-Match` to get a 304.
                        * Every response carries `RateLimit-Policy` and `RateLimit` (IETF draft): a client's plan gives \
                        it a burst, a sustained rate and a daily quota (China time); anonymous callers share a plan per \
                        address. Past a limit: 429 `RATE_LIMITED` or `QUOTA_EXCEEDED` with `Retry-After`.""",
                contact = @Contact(name = "ePermit Open API", url = "https://github.com/epermit"),
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "/", description = "The server this document is served from"),
        tags = {
                @Tag(name = "Public permits", description = "Permit disclosures (信息公开), open to everyone without an account"),
                @Tag(name = "Public enterprises", description = "Discharge units (排污单位) and the permits they hold, open to everyone"),
                @Tag(name = "Reference data", description = "Pollutants (HJ 212-2017), industries (GB/T 4754-2017) and regions (GB/T 2260)"),
                @Tag(name = "Me", description = "The calling client: identity, scopes, roles and plan"),
                @Tag(name = "Admin", description = "Client registry, keys and audit log (administrators, scope admin)")
        },
        components = @Components(
                schemas = @Schema(name = "Problem", implementation = Problem.class),
                // Parameters several operations share, declared once; operations refer to them by name
                // (@Parameter(ref = ...)). The component's key is the parameter's name.
                parameters = {
                        @Parameter(name = SharedParameters.LIMIT, in = ParameterIn.QUERY, example = "20",
                                description = "Page size, 1 to 100 (default 20); a larger value is an error, not clamped",
                                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")),
                        @Parameter(name = SharedParameters.CURSOR, in = ParameterIn.QUERY,
                                example = "MXwxNzY0MzE4NDAwfGFiY2R8OTExMzAyMDA2OTkyMjk2MTdYMDAxUA.c2lnbmF0dXJlc2lnbmF0dQ",
                                description = "The `nextCursor` of the previous page, sent back with the same filters by the same caller",
                                schema = @Schema(type = SchemaType.STRING, maxLength = 512)),
                        @Parameter(name = SharedParameters.Q, in = ParameterIn.QUERY, example = "热电",
                                description = "Enterprise name (any substring, e.g. 热电), or the start of a permit number or credit code",
                                schema = @Schema(type = SchemaType.STRING, maxLength = 200)),
                        @Parameter(name = SharedParameters.REGION, in = ParameterIn.QUERY, example = "4403",
                                description = "GB/T 2260 region code prefix of the site: province (2 digits), city (4) or county (6)",
                                schema = @Schema(type = SchemaType.STRING, pattern = "^([0-9]{2}|[0-9]{4}|[0-9]{6})$")),
                        @Parameter(name = SharedParameters.INDUSTRY, in = ParameterIn.QUERY, example = "44",
                                description = "GB/T 4754-2017 industry code prefix (1 to 4 digits)",
                                schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,4}$")),
                        @Parameter(name = SharedParameters.CATEGORY, in = ParameterIn.QUERY, example = "KEY",
                                description = "Management category", schema = @Schema(ref = "PermitCategory")),
                        @Parameter(name = SharedParameters.STATUS, in = ParameterIn.QUERY, example = "VALID",
                                description = "Permit status", schema = @Schema(ref = "PermitStatus")),
                        @Parameter(name = SharedParameters.EXPIRING_BEFORE, in = ParameterIn.QUERY, example = "2027-03-31",
                                description = "Only permits whose validity ends before this date",
                                schema = @Schema(type = SchemaType.STRING, format = "date")),
                        @Parameter(name = SharedParameters.DUE_FOR_RENEWAL, in = ParameterIn.QUERY, example = "true",
                                description = "true: only permits due for renewal (VALID, validity ending within 90 days from "
                                        + "today, 20 for registration receipts; `dueForRenewal` of the results); false: only the others",
                                schema = @Schema(type = SchemaType.BOOLEAN)),
                        @Parameter(name = SharedParameters.OUTLET, in = ParameterIn.QUERY, example = "DA001",
                                description = "Only the records of this outlet",
                                schema = @Schema(type = SchemaType.STRING, pattern = "^D[AW][0-9]{3}$")),
                        @Parameter(name = SharedParameters.POLLUTANT, in = ParameterIn.QUERY, example = "a21026",
                                description = "Only the records of this pollutant (HJ 212-2017 code)",
                                schema = @Schema(type = SchemaType.STRING, pattern = "^[aw][0-9]{5}$")),
                        @Parameter(name = SharedParameters.FROM, in = ParameterIn.QUERY, example = "2026-11-01T00:00:00+08:00",
                                description = "Only records whose window starts at or after this time",
                                schema = @Schema(type = SchemaType.STRING, format = "date-time")),
                        @Parameter(name = SharedParameters.TO, in = ParameterIn.QUERY, example = "2026-12-01T00:00:00+08:00",
                                description = "Only records whose window starts before this time",
                                schema = @Schema(type = SchemaType.STRING, format = "date-time")),
                        @Parameter(name = SharedParameters.EXCEEDANCES_ONLY, in = ParameterIn.QUERY, example = "true",
                                description = "true: only the records marked as exceedances",
                                schema = @Schema(type = SchemaType.BOOLEAN)),
                        @Parameter(name = SharedParameters.YEAR, in = ParameterIn.QUERY, required = true, example = "2025",
                                description = "The calendar year",
                                schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100")),
                        @Parameter(name = SharedParameters.GROUP_BY, in = ParameterIn.QUERY, example = "province",
                                description = "The grouping of a statistics table (default province); county needs scope "
                                        + "stats:read; emissions are not grouped by status",
                                schema = @Schema(ref = "StatsGrouping")),
                        @Parameter(name = SharedParameters.INDUSTRY_LEVEL, in = ParameterIn.QUERY, example = "division",
                                description = "With groupBy=industry: the level of GB/T 4754-2017 (default division); class "
                                        + "needs scope stats:read",
                                schema = @Schema(ref = "IndustryLevel")),
                        @Parameter(name = SharedParameters.PERMIT_NUMBER, in = ParameterIn.PATH, required = true,
                                example = "91130200699229617X001P", description = """
                                        Permit number (HJ 608-2017): the holder's 18-character unified social \
                                        credit code (or pseudo-code, whose last letter is lower case), a 3-digit site \
                                        serial and an identification letter, any upper-case letter (P on permits, \
                                        commonly W on registration receipts): an unknown number is a 404""",
                                schema = @Schema(type = SchemaType.STRING))
                },
                securitySchemes = {
                        @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY,
                                in = SecuritySchemeIn.HEADER, apiKeyName = "X-API-Key",
                                description = "An API key (epk_…) issued by an administrator; shown once at creation"),
                        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                                bearerFormat = "JWT", description = """
                                        An OAuth2 access token from the ePermit Keycloak realm: vendors use the \
                                        client-credentials grant of their Keycloak client, regulators and enterprise \
                                        users log in through the portal. The token's client (azp) must be registered \
                                        as an API client (oidcClientId); the caller gets the scopes (from the `scope` \
                                        claim) and roles (realm_access / resource_access) that both the token and the \
                                        registration grant.""")}))
public class ApiDefinition extends Application {
}
