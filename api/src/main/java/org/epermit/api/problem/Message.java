package org.epermit.api.problem;

/** A human message in both languages; which one is shown is decided when the problem is rendered. */
public record Message(String en, String zh) {

    public static Message of(String en, String zh) {
        return new Message(en, zh);
    }

    public String in(Language language) {
        return language == Language.ZH ? zh : en;
    }
}
