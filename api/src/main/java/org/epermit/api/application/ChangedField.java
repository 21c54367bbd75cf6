package org.epermit.api.application;

/**
 * What a change application says changed. The first four are a CHANGE (变更); the others change what the permit
 * licenses, which the regulation makes a REAPPLICATION (重新申请): naming one refuses the change with
 * CHANGE_NEEDS_REAPPLICATION, so the filer learns the right type instead of a generic refusal.
 */
public enum ChangedField {
    NAME, ADDRESS, LEGAL_REPRESENTATIVE, PRINCIPAL_PERSON,
    OUTLETS, POLLUTANTS, QUANTITIES, LIMITS, SITE;

    boolean needsReapplication() {
        return ordinal() > PRINCIPAL_PERSON.ordinal();
    }
}
