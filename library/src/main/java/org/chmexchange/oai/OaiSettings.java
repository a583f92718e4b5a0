package org.chmexchange.oai;

import java.util.List;
import java.util.Objects;

/**
 * What an OAI-PMH provider says about itself in {@code Identify} (OAI-PMH 2.0 section 4.2) and how
 * long its lists are.
 *
 * @param baseUrl the URL the provider answers at, exactly as harvesters call it (for example {@code
 *     https://chm.example.org/oai}); not blank
 * @param repositoryName a human-readable name; not blank
 * @param adminEmails at least one address of the repository's administrator
 * @param maxListSize records or headers per {@code ListRecords} / {@code ListIdentifiers} response;
 *     1 to 10,000; {@value #DEFAULT_MAX_LIST_SIZE} by default
 */
public record OaiSettings(String baseUrl, String repositoryName, List<String> adminEmails, int maxListSize) {

    /** The default page size of a list. */
    public static final int DEFAULT_MAX_LIST_SIZE = 100;

    /**
     * @throws IllegalArgumentException if a value is blank, no address is given or the size is out
     *     of range
     */
    public OaiSettings {
        if (Objects.requireNonNull(baseUrl, "baseUrl").isBlank()) {
            throw new IllegalArgumentException("baseUrl is blank");
        }
        if (Objects.requireNonNull(repositoryName, "repositoryName").isBlank()) {
            throw new IllegalArgumentException("repositoryName is blank");
        }
        adminEmails = List.copyOf(adminEmails);
        if (adminEmails.isEmpty() || adminEmails.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("at least one admin email, none blank: " + adminEmails);
        }
        if (maxListSize < 1 || maxListSize > 10_000) {
            throw new IllegalArgumentException("maxListSize must be 1 to 10,000: " + maxListSize);
        }
    }

    /** Settings with the default list size. */
    public OaiSettings(String baseUrl, String repositoryName, List<String> adminEmails) {
        this(baseUrl, repositoryName, adminEmails, DEFAULT_MAX_LIST_SIZE);
    }
}
