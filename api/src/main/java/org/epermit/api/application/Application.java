package org.epermit.api.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An application, the root of its aggregate (the application and its history, application_event): every change of
 * status raises {@link #version}, so two changes of the same version cannot both commit. The write side only: reads go
 * through {@link ApplicationQueries}.
 */
@Entity
@Table(name = "application")
public class Application {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "application_type")
    String type;
    @Column(name = "permit_id")
    Long permitId;
    @Column(name = "enterprise_id")
    long enterpriseId;
    String status;
    // Sent as text and cast by PostgreSQL, read back as text: Hibernate's JSON mapping would decode through the strict
    // ObjectMapper and send a String parameter as a JSON string (see ExecutionReportVersion).
    @ColumnTransformer(read = "CAST(body AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    String body;
    @ColumnTransformer(read = "CAST(findings AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    String findings;
    @Column(name = "filed_at")
    OffsetDateTime filedAt;
    @Column(name = "filed_by")
    UUID filedBy;
    @Column(name = "updated_at")
    OffsetDateTime updatedAt;
    /** The region of its permit, or of an INITIAL application's draft site: the regulators who review it. */
    @Column(name = "region_code")
    String regionCode;
    /** KEY or SIMPLIFIED: its permit's, or its draft's. */
    String category;
    /** 受理: the decision period runs from the day after. */
    @Column(name = "accepted_on")
    LocalDate acceptedOn;
    @Column(name = "site_inspection")
    boolean siteInspection;
    @Column(name = "decided_on")
    LocalDate decidedOn;
    /** When it entered the review queue: filed, or resubmitted after a return. */
    @Column(name = "submitted_at")
    OffsetDateTime submittedAt;

    @jakarta.persistence.PrePersist
    void enteringTheQueue() {
        if (submittedAt == null) {
            submittedAt = filedAt;
        }
    }
    @Version
    long version;

    /** The number of this write in the aggregate's event sequence: versions count from 0, events from 1. */
    long eventSequence() {
        return version + 1;
    }
}
