package org.chmexchange.node.sync;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import org.chmexchange.harvest.HarvestProtocol;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.harvest.HarvesterRegistry;
import org.chmexchange.http.HttpSettings;
import org.chmexchange.node.config.ConfigException;
import org.chmexchange.node.config.PublishTarget;
import org.chmexchange.node.config.SourceEntry;

/**
 * What a node harvests and publishes to, checked against the harvester registry and the
 * environment before anything is opened: the configured sources mapped to library {@link
 * HarvestSource}s, the publish targets mapped to library {@link org.chmexchange.publish.PublishTarget}s,
 * and the settings of the one shared HTTP client with a bearer token per host.
 *
 * <pre>{@code
 * SyncPlan plan = SyncPlan.of(config.sources(), config.publish(), System.getenv(), HarvesterRegistry.load());
 * }</pre>
 *
 * <p>Tokens: each entry's {@code tokenEnv} is read once, here. The shared client sends one bearer
 * token per host name (docs/HTTP.md), whichever entry makes the request: entries of one host must
 * therefore resolve to the same token (they may name the same variable). Thread-safety: immutable.
 *
 * @param sources the sources, in configuration order
 * @param targets the publish targets, in configuration order
 * @param http the settings of the shared client, with the bearer tokens
 * @param registry the harvesting protocols the sources were checked against
 */
public record SyncPlan(List<Source> sources, List<Target> targets, HttpSettings http, HarvesterRegistry registry) {

    /**
     * A configured source and what the harvester gets.
     *
     * @param entry the configuration entry; not null
     * @param source the library's view of it; not null
     */
    public record Source(SourceEntry entry, HarvestSource source) {
        /** Checks the values. */
        public Source {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(source, "source");
        }

        /** The source's name. */
        public String name() {
            return entry.name();
        }

        /** The time between the end of a run and the start of the next, or empty: on demand only. */
        public Optional<Duration> schedule() {
            return entry.every();
        }
    }

    /**
     * A configured publish target and what the publisher gets.
     *
     * @param entry the configuration entry; not null
     * @param target the library's view of it; not null
     */
    public record Target(PublishTarget entry, org.chmexchange.publish.PublishTarget target) {
        /** Checks the values. */
        public Target {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(target, "target");
        }

        /** The target's name. */
        public String name() {
            return entry.name();
        }

        /** The time between the end of a run and the start of the next, or empty: on demand only. */
        public Optional<Duration> schedule() {
            return entry.every();
        }
    }

    /** Checks the values and copies the lists. */
    public SyncPlan {
        sources = List.copyOf(sources);
        targets = List.copyOf(targets);
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(registry, "registry");
    }

    /** Nothing to harvest or publish, default HTTP settings. */
    public static SyncPlan empty() {
        return new SyncPlan(List.of(), List.of(), HttpSettings.defaults(), HarvesterRegistry.of(List.of()));
    }

    /**
     * Checks and maps the configuration.
     *
     * @param sources the {@code sources:} entries
     * @param targets the {@code publish:} entries
     * @param environment where {@code tokenEnv} variables are read ({@link System#getenv()}, or a map
     *     in tests)
     * @param registry the harvesting protocols available
     * @return the plan
     * @throws ConfigException naming the entry and the problem: a protocol the registry does not know
     *     (listing the known ones), a name the harvester or publisher does not accept, a {@code
     *     tokenEnv} variable that is not set (or blank), or two entries of one host with different
     *     tokens
     */
    public static SyncPlan of(
            List<SourceEntry> sources,
            List<PublishTarget> targets,
            Map<String, String> environment,
            HarvesterRegistry registry) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(registry, "registry");
        Map<String, TokenUse> tokens = new LinkedHashMap<>();
        List<Source> mappedSources = new ArrayList<>();
        for (SourceEntry entry : sources) {
            String what = "source '" + entry.name() + "'";
            if (registry.factory(entry.protocol()).isEmpty()) {
                throw new ConfigException(what + " has the protocol '" + entry.protocol()
                        + "', which no harvester provides; known protocols: " + known(registry));
            }
            HarvestSource source;
            try {
                source = new HarvestSource(entry.name(), entry.protocol(), URI.create(entry.url()), entry.options());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(what + ": " + e.getMessage(), e);
            }
            token(tokens, what, entry.url(), entry.tokenEnv(), environment);
            mappedSources.add(new Source(entry, source));
        }
        List<Target> mappedTargets = new ArrayList<>();
        for (PublishTarget entry : targets) {
            String what = "publish target '" + entry.name() + "'";
            org.chmexchange.publish.PublishTarget target;
            try {
                if (!org.chmexchange.publish.Publisher.protocols().contains(entry.protocol())) {
                    throw new IllegalArgumentException("protocol '" + entry.protocol() + "' has no publisher; known: "
                            + org.chmexchange.publish.Publisher.protocols());
                }
                target = new org.chmexchange.publish.PublishTarget(
                        entry.name(), URI.create(entry.url()), entry.protocol(), entry.options());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(what + ": " + e.getMessage(), e);
            }
            token(tokens, what, entry.url(), entry.tokenEnv(), environment);
            mappedTargets.add(new Target(entry, target));
        }
        HttpSettings.Builder http = HttpSettings.builder();
        tokens.forEach((origin, use) -> {
            String token = use.token();
            http.bearerToken(origin, () -> token);
        });
        return new SyncPlan(mappedSources, mappedTargets, http.build(), registry);
    }

    /** The source of this name, if configured. */
    public Optional<Source> source(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The publish target of this name, if configured. */
    public Optional<Target> target(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The names of the sources, comma-separated, or "none". */
    public String sourceNames() {
        return names(sources.stream().map(Source::name).toList());
    }

    /** The names of the publish targets, comma-separated, or "none". */
    public String targetNames() {
        return names(targets.stream().map(Target::name).toList());
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static String known(HarvesterRegistry registry) {
        List<HarvestProtocol> protocols = registry.protocols();
        return protocols.isEmpty()
                ? "none (no harvester is on the class path)"
                : protocols.stream()
                        .map(p -> p.name() + " (" + p.description() + ")")
                        .collect(Collectors.joining(", "));
    }

    /** Who asked for the token of an origin, and the token. */
    private record TokenUse(String what, String variable, String token) {}

    private static void token(
            Map<String, TokenUse> tokens, String what, String url, String variable, Map<String, String> environment) {
        if (variable == null) {
            return;
        }
        String token = environment.get(variable);
        if (token == null || token.isBlank()) {
            throw new ConfigException(what + " reads its bearer token from the environment variable " + variable
                    + ", which is not set" + (token == null ? "" : " (it is blank)")
                    + "; set it before starting, or remove tokenEnv");
        }
        String origin = HttpSettings.originOf(HttpUrl.get(url));
        TokenUse previous = tokens.putIfAbsent(origin, new TokenUse(what, variable, token.strip()));
        if (previous != null && !previous.token().equals(token.strip())) {
            throw new ConfigException(previous.what() + " (" + previous.variable() + ") and " + what + " ("
                    + variable + ") give different bearer tokens for " + origin
                    + "; the node's HTTP client sends one token per origin (scheme, host, port): let both read the"
                    + " same variable");
        }
    }
}
