package org.chmexchange.node.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.List;
import org.chmexchange.oai.OaiSettings;

/**
 * The {@code oai:} section: what the OAI-PMH provider ({@code /oai}) says in {@code Identify}
 * (OAI-PMH 2.0 section 4.2) and its page size.
 *
 * <pre>{@code
 * oai:
 *   repositoryName: Clearing-house mechanism of Examplestan   # default "CHM Exchange node {base}"
 *   adminEmail: chm@example.org                               # default webmaster@{host of the base}
 *   maxListSize: 100                                          # records per ListRecords page, 1-10,000
 * }</pre>
 *
 * <p>OAI-PMH requires an administrator's address; set {@code adminEmail} on a public node (the
 * default only stands in for it).
 *
 * @param repositoryName the repository's name; null: from the base
 * @param adminEmail the administrator's address; null: {@code webmaster@} the base's host
 * @param maxListSize records or headers per list page; default {@value OaiSettings#DEFAULT_MAX_LIST_SIZE}
 */
public record OaiConfig(String repositoryName, String adminEmail, int maxListSize) {

    /** The defaults, for a file without an {@code oai:} section. */
    public static final OaiConfig DEFAULTS = new OaiConfig(null, null, OaiSettings.DEFAULT_MAX_LIST_SIZE);

    /** @throws IllegalArgumentException for a blank name or address, or a size out of range */
    public OaiConfig {
        if (repositoryName != null && repositoryName.isBlank()) {
            throw new IllegalArgumentException("oai repositoryName is blank");
        }
        if (adminEmail != null && !adminEmail.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("oai adminEmail must be an email address, not '" + adminEmail + "'");
        }
        if (maxListSize < 1 || maxListSize > 10_000) {
            throw new IllegalArgumentException("oai maxListSize must be 1 to 10,000, not " + maxListSize);
        }
    }

    /** Binds the YAML keys; absent keys take their defaults. */
    @JsonCreator
    static OaiConfig fromYaml(
            @JsonProperty("repositoryName") String repositoryName,
            @JsonProperty("adminEmail") String adminEmail,
            @JsonProperty("maxListSize") Integer maxListSize) {
        return new OaiConfig(repositoryName, adminEmail, maxListSize == null ? DEFAULTS.maxListSize() : maxListSize);
    }

    /**
     * The provider's settings for a node.
     *
     * @param base the node's base IRI, ending with {@code /}; the provider answers at {@code {base}oai}
     */
    public OaiSettings settings(String base) {
        String name = repositoryName == null ? "CHM Exchange node " + base : repositoryName;
        String email = adminEmail == null ? "webmaster@" + URI.create(base).getHost() : adminEmail;
        return new OaiSettings(base + "oai", name, List.of(email), maxListSize);
    }
}
