package org.epermit.api.problem;

/**
 * A code a check reports in a field error or finding (FilingCode, ApplicationCode, RegistrationCode), with what it
 * means and how to fix it, in both languages: what the guides' code tables are generated from.
 */
public interface DocumentedCode {

    /** The stable code, as clients branch on it. */
    String name();

    Message meaning();

    Message fix();
}
