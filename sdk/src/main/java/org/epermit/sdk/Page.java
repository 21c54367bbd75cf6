package org.epermit.sdk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing: its items and the cursor of the next page.
 *
 * @param <T>        the item type
 * @param items      the items of this page, in the listing's order
 * @param nextCursor the cursor of the next page, or {@code null} on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Copies the items.
     *
     * @param items the items
     * @param nextCursor the next page's cursor, or {@code null}
     */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /**
     * Tells whether another page follows.
     *
     * @return {@code true} unless this is the last page
     */
    public boolean hasNextPage() {
        return nextCursor != null;
    }

    /**
     * Returns the cursor of the next page, to pass back with the same filters.
     *
     * @return the cursor, empty on the last page
     */
    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }
}
