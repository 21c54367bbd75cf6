package org.epermit.api.common;

import org.epermit.api.problem.ApiException;
import org.epermit.api.problem.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

    private static PagingConfig paging(String secret) {
        return new PagingConfig() {
            public int defaultLimit() { return 20; }
            public int maxLimit() { return 100; }
            public Optional<String> cursorSecret() { return Optional.of(secret); }
            public Duration cursorTtl() { return Duration.ofHours(24); }
        };
    }

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

    private final CursorCodec codec = new CursorCodec(paging(SECRET), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_cursor_gives_back_its_position_for_the_same_query() {
        String cursor = codec.encode("q=热电", List.of("91130200699229617X001P"));
        assertThat(codec.decode(cursor, "q=热电", "query.cursor")).containsExactly("91130200699229617X001P");
    }

    @Test
    void a_cursor_does_not_reveal_its_position_in_plain_text_but_is_url_safe() {
        String cursor = codec.encode("all", List.of("91130200699229617X001P"));
        assertThat(cursor).matches("[A-Za-z0-9_.-]+").doesNotContain("91130200699229617X001P");
    }

    @Test
    void a_cursor_for_another_query_is_refused() {
        String cursor = codec.encode("category=KEY", List.of("X"));
        assertThatThrownBy(() -> codec.decode(cursor, "category=SIMPLIFIED", "query.cursor"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR);
                    assertThat(e.errors().get(0).code()).isEqualTo("QUERY_MISMATCH");
                });
    }

    @Test
    void a_cursor_older_than_its_lifetime_is_stale() {
        String cursor = codec.encode("all", List.of("X"));
        CursorCodec tomorrow = new CursorCodec(paging(SECRET), Clock.fixed(NOW.plus(Duration.ofHours(25)), ZoneId.of("UTC")));
        assertThatThrownBy(() -> tomorrow.decode(cursor, "all", "query.cursor"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().get(0).code()).isEqualTo("STALE"));
        CursorCodec soon = new CursorCodec(paging(SECRET), Clock.fixed(NOW.plus(Duration.ofHours(23)), ZoneId.of("UTC")));
        assertThat(soon.decode(cursor, "all", "query.cursor")).containsExactly("X");
    }

    @Test
    void a_cursor_signed_with_another_key_or_altered_is_refused() {
        CursorCodec other = new CursorCodec(paging("another-secret-of-at-least-thirty-two-chars"), Clock.fixed(NOW, ZoneOffset.UTC));
        String foreign = other.encode("all", List.of("X"));
        assertThatThrownBy(() -> codec.decode(foreign, "all", "query.cursor"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().get(0).code()).isEqualTo("SIGNATURE"));
        String genuine = codec.encode("all", List.of("A"));
        String forgedBody = codec.encode("all", List.of("B")).split("\\.")[0] + "." + genuine.split("\\.")[1];
        assertThatThrownBy(() -> codec.decode(forgedBody, "all", "query.cursor"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().get(0).code()).isEqualTo("SIGNATURE"));
    }

    @Test
    void a_cursor_whose_last_character_differs_only_in_unused_bits_is_refused() {
        String cursor = codec.encode("all", List.of("X"));
        char last = cursor.charAt(cursor.length() - 1);
        String twin = cursor.substring(0, cursor.length() - 1) + (char) (last + 1);
        assertThatThrownBy(() -> codec.decode(twin, "all", "query.cursor")).isInstanceOf(ApiException.class);
    }

    @Test
    void garbage_is_refused_as_a_format_error_never_an_exception_of_another_kind() {
        for (String garbage : List.of("", ".", "abc", "a.b", "####.####", "é.é", "x".repeat(1000),
                "AAAA.AAAAAAAAAAAAAAAAAAAAAA", "AAAAA.AAAAAAAAAAAAAAAAAAAAAA")) {
            assertThatThrownBy(() -> codec.decode(garbage, "all", "query.cursor"))
                    .as(garbage).isInstanceOf(ApiException.class);
        }
    }

    @Test
    void a_short_secret_is_refused_at_start_up() {
        assertThatThrownBy(() -> new CursorCodec(paging("short"), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class);
    }
}
