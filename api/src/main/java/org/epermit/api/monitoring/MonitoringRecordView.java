package org.epermit.api.monitoring;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The API's shapes of monitoring records: a batch sent in, its receipt, a stored record and a page of them. */
public final class MonitoringRecordView {

    private MonitoringRecordView() {
    }

    @Schema(name = "MonitoringRecordBatch", description = "A batch of self-monitoring records for one permit, "
            + "accepted or refused whole")
    public record NewBatch(
            @Schema(description = "1 to 10,000 records (epermit.monitoring.max-batch-records)", required = true)
            List<NewRecord> records) {
    }

    @Schema(name = "NewMonitoringRecord", description = "One value for one pollutant at one outlet over one time "
            + "window; `flag` is VALID when absent")
    public record NewRecord(
            @Schema(description = "The outlet, as the permit in force at `from` names it", required = true, examples = "DA001")
            String outletCode,
            @Schema(description = "HJ 212-2017 pollutant code, licensed or monitored at the outlet", required = true, examples = "a21026")
            String pollutantCode,
            @Schema(required = true, implementation = RecordKind.class)
            String kind,
            @Schema(required = true, implementation = Averaging.class)
            String averaging,
            @Schema(description = "Start of the window (ISO-8601 with offset); the time of a single sample", required = true,
                    type = SchemaType.STRING, format = "date-time", examples = "2026-11-20T08:00:00+08:00")
            String from,
            @Schema(description = "End of the window; absent: the averaging's own length (from + 1 minute, 1 hour, "
                    + "1 day; = from for a SAMPLE)", type = SchemaType.STRING, format = "date-time",
                    examples = "2026-11-20T09:00:00+08:00")
            String to,
            @Schema(description = "The value: at the reference oxygen content where the limit is (HJ 212 ZsAvg), "
                    + "never negative", required = true, examples = "24.5")
            BigDecimal value,
            @Schema(description = "Unit: the unit of the outlet's limit (mg/m3, mg/L), the pollutant's own unit where "
                    + "there is no limit (m3/h, L/s); dimensionless for pH", required = true, examples = "mg/m3")
            String unit,
            // no description: with one, SmallRye copies the enum inline (ContractShapeTest); the record's says VALID is the default
            @Schema(implementation = RecordFlag.class)
            String flag) {
    }

    @Schema(name = "MonitoringBatchReceipt", description = "What an accepted batch did")
    public record BatchReceipt(
            @Schema(description = "The batch's id (the monitoring_batch aggregate of the event feed)") String batchId,
            @Schema(description = "Records in the batch", examples = "5000") int received,
            @Schema(description = "Records newly stored", examples = "4990") int inserted,
            @Schema(description = "Records already stored with the same value (a resend): not stored again", examples = "10")
            int duplicates,
            @Schema(description = "Newly stored records outside the limit of the permit version in force", examples = "2")
            int exceedances) {
    }

    @Schema(name = "MonitoringRecord", description = "A stored self-monitoring record")
    public record Record(
            @Schema(examples = "DA001") String outletCode,
            @Schema(examples = "a21026") String pollutantCode,
            RecordKind kind,
            Averaging averaging,
            OffsetDateTime from,
            OffsetDateTime to,
            @Schema(examples = "24.5") BigDecimal value,
            @Schema(examples = "mg/m3") String unit,
            RecordFlag flag,
            @Schema(description = "Outside the limit of the permit version in force, where that limit applies (an "
                    + "hourly limit to hourly means, a daily limit to daily means, every limit to manual samples; "
                    + "VALID data only)") boolean exceedance,
            @Schema(description = "Lower bound the value was compared with (pH 6)", nullable = true) BigDecimal limitMin,
            @Schema(description = "Upper bound the value was compared with; both bounds null when it was compared "
                    + "with no limit", nullable = true) BigDecimal limitMax,
            @Schema(description = "The permit version in force at `from`", examples = "2") int permitVersion) {
    }

    @Schema(name = "MonitoringRecordPage", description = "A page of monitoring records in time order")
    public record Page(List<Record> items,
                       @Schema(description = "Cursor for the next page; null on the last", nullable = true) String nextCursor) {
    }
}
