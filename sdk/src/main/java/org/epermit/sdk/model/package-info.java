/**
 * The API's request and response models: <strong>generated</strong> at build time from the published contract
 * ({@code openapi/openapi.yaml}) by OpenAPI Generator, never edited by hand.
 *
 * <p>These are the objects the client's methods return ({@code PublicPermit}, {@code PermitSummary}, ...). Their
 * documentation is the contract's. Enumerations tolerate values this SDK version does not know yet: such a value is
 * read as the constant {@code UNKNOWN} instead of failing the call, so a newer service never breaks an older client
 * ({@code UNKNOWN} is never sent: a search filter refuses it). List fields that are not set are {@code null} (and are
 * not sent, so a PATCH body changes only what it sets).
 *
 * <p>They have the contract's schema names, with no renaming.
 */
package org.epermit.sdk.model;
