/**
 * Helpers for execution reports (执行报告): {@link org.epermit.sdk.filing.Findings} tells which findings need an
 * explanation and turns explanations into the acknowledgements a submission carries.
 */
package org.epermit.sdk.filing;
