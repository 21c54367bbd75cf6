package org.epermit.api.calendar;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.epermit.api.common.QueryParameters;

import java.util.Set;

/** The working-day calendar, open to everyone: what statutory deadlines are counted in. */
@Path("/v1/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar", description = "The working-day calendar statutory deadlines are counted in: holidays and make-up "
        + "working days (调休) by year, open to everyone; administrators set a year")
public class CalendarResource {

    private final WorkingCalendar calendar;

    public CalendarResource(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @GET
    @Path("/{year}")
    @Operation(operationId = "getCalendarYear", summary = "Get a year of the working-day calendar",
            description = "The year's holidays and make-up working days as the State Council arranged them, and whether "
                    + "the calendar covers the year at all: a year not covered (covered false, no days) is not a year "
                    + "without holidays, and statutory periods counted in working days cannot run into it.")
    @APIResponse(responseCode = "200", description = "The year, covered or not",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarView.Year.class)))
    @APIResponse(responseCode = "400", description = "The year is not from 2000 to 2100, or the request has query parameters (VALIDATION_FAILED)")
    public Uni<CalendarView.Year> get(@Parameter(description = "The year", example = "2026",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100")) @PathParam("year") String year,
                                      @Context UriInfo uri) {
        QueryParameters.of(uri.getQueryParameters(), Set.of()).throwIfInvalid();
        return calendar.year(CalendarValidation.year(year));
    }
}
