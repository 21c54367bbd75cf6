/**
 * The ePermit Open API Java SDK. Start with {@link org.epermit.sdk.EPermitClient#builder()}:
 *
 * <pre>{@code
 * EPermitClient client = EPermitClient.builder()
 *         .baseUrl("https://api.example.gov.cn")
 *         .appInfo("my-app/1.2")
 *         .build();
 * for (PermitSummary p : client.publicPermits().search(PermitSearchParams.builder().region("4403").build())) {
 *     System.out.println(p.getPermitNumber() + " " + p.getEnterpriseName());
 * }
 * }</pre>
 *
 * <p>Operations are grouped as the API's tags are: {@link org.epermit.sdk.EPermitClient#publicPermits()},
 * {@link org.epermit.sdk.EPermitClient#publicEnterprises()}, {@link org.epermit.sdk.EPermitClient#reference()},
 * {@link org.epermit.sdk.EPermitClient#receipts()}, and
 * with credentials {@link org.epermit.sdk.EPermitClient#me()}, {@link org.epermit.sdk.EPermitClient#permits()},
 * {@link org.epermit.sdk.EPermitClient#delegations()}, {@link org.epermit.sdk.EPermitClient#admin()}.
 * They return the generated models of {@link org.epermit.sdk.model} and throw the exceptions of
 * {@link org.epermit.sdk.errors}. Signed receipts (回执) are verified offline with
 * {@link org.epermit.sdk.receipt.ReceiptVerifier}.
 */
package org.epermit.sdk;
