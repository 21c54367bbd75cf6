package org.epermit.api.filing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An execution report, the root of its aggregate (the report and its {@link ExecutionReportVersion}s): a correction
 * adds a version and raises {@link #version}, so two corrections of the same version cannot both commit. The write
 * side only: reads go through {@link ExecutionReportQueries}.
 */
@Entity
@Table(name = "execution_report")
public class ExecutionReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "permit_id")
    long permitId;
    @Column(name = "report_type")
    String reportType;
    String period;
    @Column(name = "covers_from")
    LocalDate coversFrom;
    @Column(name = "covers_to")
    LocalDate coversTo;
    @Column(name = "due_date")
    LocalDate dueDate;
    String status;
    @Column(name = "first_submitted_at")
    OffsetDateTime firstSubmittedAt;
    @Column(name = "days_late")
    int daysLate;
    @Column(name = "current_version")
    int currentVersion;
    boolean stoppage;
    @Column(name = "exceedance_count")
    int exceedanceCount;
    /** When the current version was submitted: the review queue's order. */
    @Column(name = "submitted_at")
    OffsetDateTime submittedAt;
    @Version
    long version;

    /** The number of this write in the aggregate's event sequence: versions count from 0, events from 1. */
    long eventSequence() {
        return version + 1;
    }
}
