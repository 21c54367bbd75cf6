package org.epermit.api.monitoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The data flag of a monitoring record (HJ 212-2017 table 8: N, F, M, S, D, C, T, B). Only {@link #VALID} data is
 * compared with the permit's limits: a value taken while the plant was stopped, the monitor maintained, calibrated or
 * faulty, set by hand or beyond the instrument's range says nothing about compliance.
 */
@Schema(name = "MonitoringRecordFlag", description = "The data flag (HJ 212-2017 table 8): VALID (N), STOPPED (F), "
        + "MAINTENANCE (M), MANUAL_SET (S), FAULT (D), CALIBRATION (C), OVER_RANGE (T), COMMUNICATION_FAULT (B). "
        + "Only VALID data is compared with the limit")
public enum RecordFlag {
    /** N: normal, valid data. */
    VALID,
    /** F: the plant or the monitored process was stopped. */
    STOPPED,
    /** M: the monitor was being maintained. */
    MAINTENANCE,
    /** S: a value set by hand. */
    MANUAL_SET,
    /** D: the monitor was faulty. */
    FAULT,
    /** C: the monitor was being calibrated. */
    CALIBRATION,
    /** T: above the instrument's measuring range. */
    OVER_RANGE,
    /** B: the communication with the monitor failed. */
    COMMUNICATION_FAULT
}
