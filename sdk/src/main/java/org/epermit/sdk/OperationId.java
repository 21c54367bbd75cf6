package org.epermit.sdk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the API operation (its {@code operationId} in the published contract) that an SDK method calls. A build test
 * checks every operation of the contract against these annotations, so an operation without an SDK method fails the
 * build.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OperationId {

    /**
     * The operation's {@code operationId}, e.g. {@code getPublicPermit}.
     *
     * @return the operation id
     */
    String value();
}
