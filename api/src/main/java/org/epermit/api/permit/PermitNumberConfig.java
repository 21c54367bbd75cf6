package org.epermit.api.permit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Set;
import java.util.stream.Collectors;

/** The letters a permit number (HJ 608-2017) may end with. */
@ConfigMapping(prefix = "epermit.permit-number")
public interface PermitNumberConfig {

    /** The letter on permits. */
    @WithDefault("P")
    char permitLetter();

    /** The letter on registration receipts (排污登记), which varies by province; commonly W. */
    @WithDefault("W")
    char registrationLetter();

    /** Both letters, upper-cased (configuring the same letter twice is allowed). */
    default Set<Character> allowedLetters() {
        return java.util.stream.Stream.of(permitLetter(), registrationLetter())
                .map(Character::toUpperCase)
                .collect(Collectors.toUnmodifiableSet());
    }
}
