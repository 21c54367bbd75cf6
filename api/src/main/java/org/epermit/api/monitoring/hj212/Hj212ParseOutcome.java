package org.epermit.api.monitoring.hj212;

import java.util.List;

/**
 * What became of one packet of a body: parsed, or rejected with its reasons. {@code index} counts packets from 0
 * (blank lines are not packets); {@code line} is the 1-based line of the body it was on, for people.
 */
public sealed interface Hj212ParseOutcome {

    int index();

    int line();

    record Parsed(int index, int line, Hj212Packet packet) implements Hj212ParseOutcome {
    }

    /**
     * A refused packet. Framing errors (header, length, CRC) stop at the first one, since nothing after a broken frame
     * can be trusted; once the frame is sound, every bad field is reported at once.
     */
    record Rejected(int index, int line, List<Hj212Error> errors) implements Hj212ParseOutcome {
        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a rejected packet has at least one error");
            }
        }
    }
}
