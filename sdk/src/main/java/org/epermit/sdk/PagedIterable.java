package org.epermit.sdk;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * All items of a listing, fetched page by page as they are consumed. Nothing is fetched until iteration starts; each
 * page is fetched when the previous one is used up, by passing its {@code nextCursor} back with the same filters, until
 * a page has none. Every {@link #iterator()} (or {@link #stream()}, {@link #pages()}) starts again from the first page.
 *
 * <pre>{@code
 * for (PermitSummary p : client.publicPermits().search(params)) { ... }          // every item
 * client.publicPermits().search(params).stream().limit(50).toList();            // fetches only what it needs
 * for (Page<PermitSummary> page : client.publicPermits().search(params).pages()) { ... }
 * }</pre>
 *
 * <p>A failure while fetching a page is thrown from {@code hasNext()}/{@code next()} as an
 * {@link org.epermit.sdk.errors.EPermitException}. Instances are immutable and may be iterated by several threads at
 * once (each iterator is single-threaded).
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {

    private final Function<String, Page<T>> fetch;

    /**
     * Creates the iterable over a page source.
     *
     * @param fetch returns the page at a cursor; called with {@code null} for the first page
     */
    public PagedIterable(Function<String, Page<T>> fetch) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
    }

    /**
     * Iterates over every item of every page, fetching pages lazily.
     *
     * @return a new iterator, starting at the first page
     */
    @Override
    public Iterator<T> iterator() {
        Iterator<Page<T>> pages = pages().iterator();
        return new Iterator<>() {
            private Iterator<T> items = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!items.hasNext()) {
                    if (!pages.hasNext()) {
                        return false;
                    }
                    items = pages.next().items().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return items.next();
            }
        };
    }

    /**
     * Streams every item of every page, fetching pages lazily (a short-circuiting stream fetches only what it needs).
     *
     * @return a sequential stream
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /**
     * Iterates over the pages themselves, fetching each when asked for.
     *
     * @return an iterable whose iterators start at the first page
     */
    public Iterable<Page<T>> pages() {
        return () -> new Iterator<>() {
            private Page<T> last;

            @Override
            public boolean hasNext() {
                return last == null || last.hasNextPage();
            }

            @Override
            public Page<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                last = Objects.requireNonNull(fetch.apply(last == null ? null : last.nextCursor()), "page");
                return last;
            }
        };
    }

    /**
     * Fetches the first page only.
     *
     * @return the first page
     */
    public Page<T> firstPage() {
        return fetch.apply(null);
    }
}
