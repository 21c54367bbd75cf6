package org.epermit.sdk.internal.service;

import java.util.Objects;
import org.epermit.sdk.RequestOptions;
import org.epermit.sdk.internal.ApiRequest;
import org.epermit.sdk.internal.Transport;
import org.epermit.sdk.model.CalendarYear;
import org.epermit.sdk.model.CalendarYearChange;
import org.epermit.sdk.service.CalendarService;

/** {@link CalendarService} over the client's transport. */
public final class DefaultCalendarService implements CalendarService {

    private static final String PUBLIC = "/v1/calendar/{year}";
    private static final String ADMIN = "/v1/admin/calendar/{year}";

    private final Transport transport;

    /**
     * Creates the service.
     *
     * @param transport the client's transport
     */
    public DefaultCalendarService(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    @Override
    public CalendarYear get(int year, RequestOptions options) {
        return transport.call(ApiRequest.get(PUBLIC, year), CalendarYear.class, options);
    }

    @Override
    public CalendarYear set(int year, CalendarYearChange change, RequestOptions options) {
        Objects.requireNonNull(change, "change");
        return transport.call(ApiRequest.put(ADMIN, year).json(change), CalendarYear.class, options);
    }
}
