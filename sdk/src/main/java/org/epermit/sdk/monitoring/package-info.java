/**
 * Uploading self-monitoring data (自行监测数据) larger than one batch:
 * {@link org.epermit.sdk.monitoring.MonitoringUploader} splits records or a CSV file into batches, each with a stable
 * idempotency key, and resumes after a failure.
 */
package org.epermit.sdk.monitoring;
