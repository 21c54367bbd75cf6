package org.epermit.api.application;

/** Why a permit's copy is to be issued again (遗失补办). */
public enum ReissueCircumstance {
    LOST, DAMAGED
}
