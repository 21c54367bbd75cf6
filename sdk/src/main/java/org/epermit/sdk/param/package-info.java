/**
 * Parameters of the operations that take more than an identifier, as immutable values with builders, e.g.
 * {@link org.epermit.sdk.param.PermitSearchParams}.
 */
package org.epermit.sdk.param;
