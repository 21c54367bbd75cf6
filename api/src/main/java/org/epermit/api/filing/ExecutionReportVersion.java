package org.epermit.api.filing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** One filed version of an {@link ExecutionReport}: never changed once written (the table refuses updates). */
@Entity
@Table(name = "execution_report_version")
@IdClass(ExecutionReportVersion.Key.class)
public class ExecutionReportVersion {

    @Id
    @Column(name = "report_id")
    long reportId;
    @Id
    int number;
    // Sent as text and cast by PostgreSQL (a parameter typed jsonb would be sent as a JSON string): Hibernate's JSON
    // mapping decodes through Vert.x with the service's strict ObjectMapper, which refuses the nulls a report's content
    // legitimately holds (StrictJson).
    @ColumnTransformer(write = "CAST(CAST(? AS text) AS jsonb)")
    String content;
    @Column(name = "content_sha256")
    String contentSha256;
    @ColumnTransformer(write = "CAST(CAST(? AS text) AS jsonb)")
    String findings;
    @Column(name = "permit_versions")
    Integer[] permitVersions;
    @Column(name = "submitted_at")
    OffsetDateTime submittedAt;
    @Column(name = "submitted_by")
    UUID submittedBy;
    @Column(name = "after_deadline")
    boolean afterDeadline;
    String receipt;

    /** The composite key (report_id, number). */
    public static class Key implements Serializable {
        long reportId;
        int number;

        public Key() {
        }

        Key(long reportId, int number) {
            this.reportId = reportId;
            this.number = number;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.reportId == reportId && k.number == number;
        }

        @Override
        public int hashCode() {
            return Objects.hash(reportId, number);
        }
    }
}
