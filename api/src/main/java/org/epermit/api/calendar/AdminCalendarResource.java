package org.epermit.api.calendar;

import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.gateway.audit.AuditedResource;
import org.epermit.api.gateway.write.AggregateEvent;
import org.epermit.api.gateway.write.WriteOutcome;
import org.epermit.api.gateway.write.WriteTransaction;

import java.net.URI;
import java.util.List;

/** Setting a year of the working-day calendar, for platform administrators. */
@Path("/v1/admin/calendar")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed("admin")
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Tag(name = "Calendar")
public class AdminCalendarResource {

    private final WorkingCalendar calendar;
    private final WriteTransaction writes;

    public AdminCalendarResource(WorkingCalendar calendar, WriteTransaction writes) {
        this.calendar = calendar;
        this.writes = writes;
    }

    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setCalendarYear", summary = "Set a year of the working-day calendar",
            description = "Sets the year's holidays and make-up working days whole, from the State Council's notice "
                    + "(国务院办公厅关于…部分节假日安排的通知): afterwards the year is covered and its days are exactly "
                    + "these. Every day of each holiday range is listed (weekend days of a range may be); a make-up "
                    + "working day must be a Saturday or Sunday. Sending the same year again changes nothing but its "
                    + "version, so a retry is safe without an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The year was not covered and now is; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarView.Year.class)))
    @APIResponse(responseCode = "200", description = "The year, covered before, as now set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarView.Year.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (VALIDATION_FAILED), each listed in errors: a date outside the year (OUTSIDE_YEAR) or given twice (DUPLICATE), a MAKEUP_WORKDAY on a weekday (NOT_A_WEEKEND), a missing or over-long name")
    @APIResponse(responseCode = "403", description = "The caller lacks the admin scope (INSUFFICIENT_SCOPE)")
    @APIResponse(responseCode = "415", description = "The body is not application/json (UNSUPPORTED_MEDIA_TYPE)")
    public Uni<Response> set(@Parameter(description = "The year", example = "2027",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100")) @PathParam("year") String year,
                             CalendarView.Change body) {
        int which = CalendarValidation.year(year);
        CalendarView.Change change = CalendarValidation.check(which, body);  // a 400 opens no transaction
        return writes.run(tx -> calendar.replace(tx, which, change).map(replaced -> {
            WriteOutcome outcome = replaced.created()
                    ? WriteOutcome.created(AuditedResource.created(WorkingCalendar.AGGREGATE, which),
                    URI.create("/v1/calendar/" + which), replaced.year())
                    : WriteOutcome.ok(AuditedResource.changed(WorkingCalendar.AGGREGATE, which, List.of("source", "days")),
                    replaced.year());
            return outcome.announcing(new AggregateEvent("calendar_year.set",
                    WorkingCalendar.AGGREGATE, String.valueOf(which), replaced.version(), replaced.year()));
        }));
    }
}
