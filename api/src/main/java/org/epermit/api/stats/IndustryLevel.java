package org.epermit.api.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Arrays;
import java.util.Optional;

/** A level of GB/T 4754-2017: division (门类下的大类, 2 digits), group (中类, 3) or class (小类, 4). */
@Schema(name = "IndustryLevel", enumeration = {"division", "group", "class"})
public enum IndustryLevel {
    DIVISION("division", 2),
    GROUP("group", 3),
    CLASS("class", 4);

    private final String wire;
    private final int digits;

    IndustryLevel(String wire, int digits) {
        this.wire = wire;
        this.digits = digits;
    }

    public String wire() {
        return wire;
    }

    public int digits() {
        return digits;
    }

    public static Optional<IndustryLevel> parse(String wire) {
        return Arrays.stream(values()).filter(l -> l.wire.equals(wire)).findFirst();
    }
}
