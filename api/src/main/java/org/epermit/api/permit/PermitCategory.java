package org.epermit.api.permit;

/** Management category (分类管理名录): what the unit holds and which reports it files. */
public enum PermitCategory {
    /** 重点管理: a permit; annual and quarterly execution reports. */
    KEY,
    /** 简化管理: a permit; an annual execution report. */
    SIMPLIFIED,
    /** 登记管理: a registration receipt, no execution reports. */
    REGISTRATION
}
