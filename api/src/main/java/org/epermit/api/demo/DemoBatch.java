package org.epermit.api.demo;

import java.util.List;

/** One batch of generated rows, one COPY buffer per table, in the order the tables must be loaded. */
final class DemoBatch {

    final CopyBuffer enterprises = new CopyBuffer("enterprise",
            "id, credit_code, pseudo_credit_code, name, region_code, industry_code, address, longitude, latitude, "
                    + "legal_representative, contact_name, contact_phone, contact_email, created_at, updated_at");
    final CopyBuffer permits = new CopyBuffer("permit",
            "id, permit_number, enterprise_id, site_serial, category, status, site_name, region_code, industry_code, "
                    + "site_address, longitude, latitude, issuing_authority, issue_date, valid_from, valid_to, version, "
                    + "created_at, updated_at");
    final CopyBuffer outlets = new CopyBuffer("permit_outlet",
            "id, permit_id, code, name, medium, kind, longitude, latitude, stack_height_m, receiving_water");
    final CopyBuffer outletPollutants = new CopyBuffer("permit_outlet_pollutant",
            "outlet_id, pollutant_code, limit_min, limit_value, limit_unit, averaging, reference_oxygen_pct, "
                    + "standard_code, standard_table, monitoring_mode, frequency_count, frequency_every, frequency_unit, "
                    + "sampling_method, samples_per_event");
    final CopyBuffer annualQuantities = new CopyBuffer("permit_annual_quantity",
            "permit_id, pollutant_code, year, quantity_t");
    final CopyBuffer reportObligations = new CopyBuffer("permit_report_obligation",
            "permit_id, report_type, due_months_after, due_day");
    final CopyBuffer secondaryIndustries = new CopyBuffer("permit_secondary_industry", "permit_id, industry_code");
    final CopyBuffer versions = new CopyBuffer("permit_version",
            "permit_id, version, effective_from, effective_to, reason, created_at");
    final CopyBuffer events = new CopyBuffer("permit_event",
            "id, permit_id, version, event_type, occurred_on, authority, description");

    final CopyBuffer reports = new CopyBuffer("execution_report",
            "id, permit_id, report_type, period, covers_from, covers_to, due_date, status, first_submitted_at, days_late, "
                    + "current_version, stoppage, exceedance_count, version, submitted_at");
    final CopyBuffer reportVersions = new CopyBuffer("execution_report_version",
            "report_id, number, content, content_sha256, findings, permit_versions, submitted_at, submitted_by, "
                    + "after_deadline, receipt, source");
    final CopyBuffer reportEmissions = new CopyBuffer("execution_report_emission",
            "report_id, pollutant_code, actual_t, licensed_t, method");
    final CopyBuffer devices = new CopyBuffer("monitoring_device",
            "mn, permit_id, outlet_code, registered_at, registered_by");
    final CopyBuffer monitoringBatches = new CopyBuffer("monitoring_batch",
            "id, permit_id, source, received_at, client_id, received, inserted, duplicates, exceedances");
    final CopyBuffer monitoringRecords = new CopyBuffer("monitoring_record",
            "permit_id, permit_version, outlet_code, pollutant_code, kind, averaging, measured_from, measured_to, value, "
                    + "unit, flag, exceedance, limit_min, limit_max, received_at, batch_id, source, device_mn");

    int permitCount;

    List<CopyBuffer> inLoadOrder() {
        return List.of(enterprises, permits, secondaryIndustries, outlets, outletPollutants, annualQuantities,
                reportObligations, versions, events, reports, reportVersions, reportEmissions, devices, monitoringBatches,
                monitoringRecords);
    }
}
