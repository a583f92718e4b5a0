package org.chmexchange.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chmexchange.ChmException;
import org.junit.jupiter.api.Test;

class PagingGuardTest {

    private static final String BASE = "https://peer.example.org/changes/page";

    @Test
    void aWellBehavedLoopPasses() {
        PagingGuard guard = new PagingGuard(10);
        String cursor = null;
        for (int page = 1; page <= 5; page++) {
            String url = cursor == null ? BASE : BASE + "?cursor=" + cursor;
            guard.beforeRequest(url, cursor);
            String next = page < 5 ? "c" + page : null;
            guard.afterPage(url, 100, next);
            cursor = next;
        }
        assertEquals(5, guard.requests());
        assertEquals(10, guard.maxRequests());
        assertEquals(PagingGuard.DEFAULT_MAX_REQUESTS, new PagingGuard().maxRequests());
    }

    @Test
    void tooManyRequests() {
        PagingGuard guard = new PagingGuard(2);
        guard.beforeRequest(BASE);
        guard.beforeRequest(BASE + "?cursor=a", "a");
        PagingException e = assertThrows(PagingException.class, () -> guard.beforeRequest(BASE + "?cursor=b", "b"));
        assertEquals(PagingException.Reason.MAX_REQUESTS, e.reason());
        assertEquals(2, e.requests());
        assertEquals("b", e.cursor());
        assertEquals(
                "Stopped paging after 2 requests, the maximum per run, before " + BASE + "?cursor=b", e.getMessage());
        assertTrue(e instanceof ChmException);
    }

    @Test
    void pageThatPointsBackToAUsedCursor() {
        PagingGuard guard = new PagingGuard(10);
        guard.beforeRequest(BASE);
        guard.afterPage(BASE, 10, "t1");
        guard.beforeRequest(BASE + "?cursor=t1", "t1");
        guard.afterPage(BASE + "?cursor=t1", 10, "t2");
        guard.beforeRequest(BASE + "?cursor=t2", "t2");
        PagingException e = assertThrows(PagingException.class, () -> guard.afterPage(BASE + "?cursor=t2", 10, "t1"));
        assertEquals(PagingException.Reason.REPEATED_CURSOR, e.reason());
        assertEquals("t1", e.cursor());
        assertEquals(BASE + "?cursor=t2", e.url());
        assertEquals(
                "Repeated cursor 't1' at " + BASE
                        + "?cursor=t2 (request 3), already used by request 2: the source is looping",
                e.getMessage());
    }

    @Test
    void pageThatPointsToItself() {
        PagingGuard guard = new PagingGuard(10);
        guard.beforeRequest(BASE + "?cursor=x", "x");
        PagingException e = assertThrows(PagingException.class, () -> guard.afterPage(BASE + "?cursor=x", 3, "x"));
        assertEquals(PagingException.Reason.REPEATED_CURSOR, e.reason());
    }

    @Test
    void requestWithACursorAlreadyUsed() {
        PagingGuard guard = new PagingGuard(10);
        guard.beforeRequest(BASE + "?cursor=x", "x");
        PagingException e = assertThrows(PagingException.class, () -> guard.beforeRequest(BASE + "?cursor=x", "x"));
        assertEquals(PagingException.Reason.REPEATED_CURSOR, e.reason());
        assertEquals(2, e.requests());
    }

    @Test
    void emptyPageThatClaimsMore() {
        PagingGuard guard = new PagingGuard(10);
        guard.beforeRequest(BASE);
        PagingException e = assertThrows(PagingException.class, () -> guard.afterPage(BASE, 0, "next"));
        assertEquals(PagingException.Reason.EMPTY_PAGE, e.reason());
        assertEquals(
                "Empty page claims more pages: " + BASE + " returned no items but next cursor 'next' (request 1)",
                e.getMessage());
    }

    @Test
    void emptyLastPageIsFine() {
        PagingGuard guard = new PagingGuard(10);
        guard.beforeRequest(BASE);
        guard.afterPage(BASE, 0, null);
        guard.afterPage(BASE, 0, "");
        assertThrows(IllegalArgumentException.class, () -> guard.afterPage(BASE, -1, null));
        assertThrows(IllegalArgumentException.class, () -> new PagingGuard(0));
    }
}
