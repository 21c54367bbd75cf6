package org.epermit.api.permit.monitoring;

/** How a pollutant is monitored at an outlet (HJ 819-2017); the {@code monitoring_mode} column. */
public enum MonitoringMode {
    /** 自动监测: a continuous, networked monitor (CEMS); the permit's manual frequency applies while it is out of service. */
    AUTOMATIC,
    /** 手工监测: samples taken at the permit's frequency. */
    MANUAL
}
