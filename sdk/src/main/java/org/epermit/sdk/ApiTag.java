package org.epermit.sdk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the API tag (a group of operations in the published contract) that a service interface of the SDK covers, e.g.
 * {@code "Public permits"} for {@link org.epermit.sdk.service.PublicPermitService}. A build test checks that each
 * operation's method sits in the service of the operation's tag.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApiTag {

    /**
     * The tag's name as in the contract.
     *
     * @return the tag name
     */
    String value();
}
