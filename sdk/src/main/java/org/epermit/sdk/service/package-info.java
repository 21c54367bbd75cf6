/**
 * The API's operations, one service interface per tag of the contract, reached from
 * {@link org.epermit.sdk.EPermitClient}: {@code publicPermits()}, {@code publicEnterprises()}, {@code reference()}, {@code receipts()}, {@code me()}, {@code permits()},
 * {@code delegations()}, {@code admin()}.
 * Every method has an overload taking {@link org.epermit.sdk.RequestOptions} last.
 */
package org.epermit.sdk.service;
