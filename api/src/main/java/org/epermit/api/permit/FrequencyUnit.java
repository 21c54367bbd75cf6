package org.epermit.api.permit;

/**
 * The period a monitoring frequency counts in, as permits write it: 1次/2小时 is once every 2 HOURs, 4次/日 four times
 * a DAY, 1次/季度 once a QUARTER. Calendar units (DAY and longer) follow the calendar in the service's time zone.
 */
public enum FrequencyUnit {
    /** 小时 */
    HOUR,
    /** 日 */
    DAY,
    /** 周 */
    WEEK,
    /** 月 */
    MONTH,
    /** 季度 */
    QUARTER,
    /** 半年 */
    HALF_YEAR,
    /** 年 */
    YEAR
}
