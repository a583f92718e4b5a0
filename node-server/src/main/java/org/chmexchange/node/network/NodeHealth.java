package org.chmexchange.node.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the registry knows of one node after its last poll.
 *
 * @param name its name in the registry ({@code self} for this node)
 * @param origin {@code self}, {@code configured} or {@code registered}
 * @param url its base URL; null for this node before its first poll
 * @param lastPoll when it was last polled; null if never
 * @param lastSuccess when it last answered its self-description; null if never
 * @param latencyMillis how long the last successful poll took, in milliseconds; -1 if none
 * @param error why the last poll failed; null when it succeeded
 * @param description its last self-description (as it sent it); null if it never answered
 */
public record NodeHealth(
        String name,
        String origin,
        String url,
        Instant lastPoll,
        Instant lastSuccess,
        long latencyMillis,
        String error,
        JsonNode description) {

    static NodeHealth unpolled(String name, String origin, String url) {
        return new NodeHealth(name, origin, url, null, null, -1, null, null);
    }

    static NodeHealth ok(String name, String origin, String url, Instant time, long millis, JsonNode description) {
        return new NodeHealth(name, origin, url, time, time, millis, null, description);
    }

    /** A failed poll keeps what the last successful one learnt. */
    static NodeHealth failed(NodeHealth previous, String name, String origin, String url, Instant time, String error) {
        return new NodeHealth(
                name,
                origin,
                url,
                time,
                previous == null ? null : previous.lastSuccess(),
                previous == null ? -1 : previous.latencyMillis(),
                error,
                previous == null ? null : previous.description());
    }

    /** {@code up} (the last poll answered), {@code down} (it failed), {@code unknown} (not polled yet). */
    public String state() {
        if (lastPoll == null) {
            return "unknown";
        }
        return error == null ? "up" : "down";
    }

    /**
     * How far behind the node's data is: the time since the newest {@code dcterms:modified} it
     * reported ({@code lastModified}), at {@code now}; empty if it reported none.
     */
    public Optional<Duration> lag(Instant now) {
        if (description == null || !description.hasNonNull("lastModified")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.between(
                    Instant.parse(description.get("lastModified").asText()), now));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The record count it last reported; -1 if none. */
    public long records() {
        return description == null ? -1 : description.path("records").asLong(-1);
    }
}
