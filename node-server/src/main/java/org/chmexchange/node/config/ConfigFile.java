package org.chmexchange.node.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The node's configuration file (docs/EXCHANGE.md, "Configuration file"): every section is
 * optional; absent sections and keys take their defaults.
 *
 * <pre>{@code
 * ConfigFile file = ConfigFile.load(Path.of("chm-node.yaml"));
 * NodeConfig config = NodeConfig.of(file, true);
 * }</pre>
 *
 * <p>Reading is strict: an unknown key, a repeated key, a value of the wrong kind or a value that
 * is not allowed (a bad SHA-256, a bad duration, an unknown record type) is a
 * {@link ConfigException} naming the file, the line and the key. Protocol names are not checked
 * here (the harvester registry knows them). Thread-safety: immutable.
 *
 * @param node the {@code node:} section; defaults when absent; not null
 * @param tokens the {@code tokens:} section; empty when absent (then the node accepts no writes)
 * @param admin the {@code admin:} section; null when absent
 * @param sources the {@code sources:} section; empty when absent
 * @param publish the {@code publish:} section; empty when absent
 * @param sparql the {@code sparql:} section (the endpoint's limits); defaults when absent
 * @param oai the {@code oai:} section (the OAI-PMH provider's identity); defaults when absent
 * @param thesaurusImport the {@code thesaurusImport:} section (a scheduled import of the CBD
 *     thesaurus); null when absent
 * @param network the {@code network:} section (the registry of other nodes); defaults when absent
 * @param store the {@code store:} section (embedded, or a remote SPARQL store); the embedded store
 *     when absent
 */
public record ConfigFile(
        NodeSettings node,
        List<TokenEntry> tokens,
        AdminSettings admin,
        List<SourceEntry> sources,
        List<PublishTarget> publish,
        SparqlSettings sparql,
        OaiConfig oai,
        ThesaurusImportConfig thesaurusImport,
        NetworkConfig network,
        StoreConfig store) {

    /** A file with no content: every default, no tokens, no sources. */
    public static final ConfigFile DEFAULTS =
            new ConfigFile(null, null, null, null, null, null, null, null, null, null);

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .addModule(new SimpleModule("chm-node-config").addDeserializer(Duration.class, new DurationReader()))
            .build();

    /**
     * Fills in the defaults and checks that names are unique.
     *
     * @throws IllegalArgumentException if two tokens share a name or a digest, or two sources or
     *     two publish targets share a name
     */
    public ConfigFile {
        node = node == null ? NodeSettings.DEFAULTS : node;
        sparql = sparql == null ? SparqlSettings.DEFAULTS : sparql;
        oai = oai == null ? OaiConfig.DEFAULTS : oai;
        network = network == null ? NetworkConfig.DEFAULTS : network;
        store = store == null ? StoreConfig.DEFAULTS : store;
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        sources = sources == null ? List.of() : List.copyOf(sources);
        publish = publish == null ? List.of() : List.copyOf(publish);
        Checks.unique("tokens", "name", tokens, TokenEntry::name);
        Checks.unique("tokens", "sha256", tokens, TokenEntry::sha256);
        if (admin != null) {
            for (TokenEntry token : tokens) {
                if (token.sha256().equals(admin.sha256())) {
                    throw new IllegalArgumentException(
                            "token '" + token.name() + "' has the admin token's sha256; use different tokens");
                }
            }
        }
        Checks.unique("sources", "name", sources, SourceEntry::name);
        Checks.unique("publish targets", "name", publish, PublishTarget::name);
    }

    /**
     * Reads a configuration file (UTF-8 YAML). An empty file (or one with only comments) gives
     * {@link #DEFAULTS}.
     *
     * @param file the file; not null
     * @throws ConfigException if the file cannot be read or is not a valid configuration; the
     *     message names the file, line and key
     */
    public static ConfigFile load(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("Cannot read the configuration file " + file + ": " + e, e);
        }
        return parse(text, file.toString());
    }

    /**
     * Reads a configuration from text.
     *
     * @param yaml the YAML text; not null
     * @param source what to call it in messages (the file name); not null
     * @throws ConfigException if it is not a valid configuration
     */
    public static ConfigFile parse(String yaml, String source) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(source, "source");
        LocatingParser parser;
        try {
            parser = new LocatingParser(YAML.createParser(yaml));
        } catch (IOException e) {
            throw new ConfigException("Cannot read the configuration " + source + ": " + e, e);
        }
        try (parser) {
            if (parser.nextToken() == null) {
                return DEFAULTS;
            }
            ConfigFile file = YAML.readValue(parser, ConfigFile.class);
            return file == null ? DEFAULTS : file;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null
                    ? ""
                    : "; known keys here: "
                            + e.getKnownPropertyIds().stream()
                                    .map(String::valueOf)
                                    .collect(Collectors.toCollection(TreeSet::new))
                                    .stream()
                                    .collect(Collectors.joining(", "));
            List<JsonMappingException.Reference> parent = parentPath(e);
            JsonLocation at = parser.locationOf(parent, e.getPropertyName());
            String in = render(parent);
            throw new ConfigException(
                    where(source, at != null ? at : e.getLocation()) + "unknown key '" + e.getPropertyName() + "'"
                            + (in.isEmpty() ? " at the top level" : " in " + in) + known,
                    e);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConfigException(where(source, start(parser, e)) + prefix(path(e)) + cause.getMessage(), e);
        } catch (InvalidFormatException e) {
            String problem = e.getTargetType() == Duration.class
                    ? e.getOriginalMessage()
                    : "expected " + expected(e.getTargetType()) + " here, not '" + e.getValue() + "'";
            throw new ConfigException(where(source, start(parser, e)) + prefix(path(e)) + problem, e);
        } catch (MismatchedInputException e) {
            throw new ConfigException(
                    where(source, start(parser, e)) + prefix(path(e)) + "expected " + expected(e.getTargetType())
                            + " here",
                    e);
        } catch (JsonMappingException e) {
            throw new ConfigException(where(source, start(parser, e)) + prefix(path(e)) + e.getOriginalMessage(), e);
        } catch (JsonParseException e) {
            throw new ConfigException(
                    where(source, e.getLocation()) + "not a valid configuration (YAML): " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read the configuration " + source + ": " + e, e);
        }
    }

    private static String where(String source, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return source + ": ";
        }
        return source + ", line " + location.getLineNr()
                + (location.getColumnNr() >= 1 ? ", column " + location.getColumnNr() : "") + ": ";
    }

    /** Where the entry or key of a mapping error starts (Jackson points where it noticed it). */
    private static JsonLocation start(LocatingParser parser, JsonMappingException e) {
        JsonLocation at = parser.locationOf(e.getPath(), null);
        return at != null ? at : e.getLocation();
    }

    /** What a value of {@code type} looks like in the file. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type.isRecord()) {
            return "a mapping (key: value lines)";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Duration.class) {
            return "an ISO 8601 duration such as PT15M";
        }
        return "a single value";
    }

    private static String prefix(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }

    /** The key path of the error, such as {@code tokens[0].sha256}. */
    private static String path(JsonMappingException e) {
        return render(e.getPath());
    }

    /** The path of the mapping holding the unknown key (Jackson's path may end with the key). */
    private static List<JsonMappingException.Reference> parentPath(UnrecognizedPropertyException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        if (!path.isEmpty()
                && e.getPropertyName().equals(path.get(path.size() - 1).getFieldName())) {
            return path.subList(0, path.size() - 1);
        }
        return path;
    }

    private static String render(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** ISO 8601 durations ({@code PT15M}); anything else is an error at its line. */
    private static final class DurationReader extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                throw InvalidFormatException.from(
                        p,
                        "a schedule is an ISO 8601 duration such as PT15M, PT1H or P1D",
                        p.getText(),
                        Duration.class);
            }
            try {
                return Checks.duration(text);
            } catch (IllegalArgumentException e) {
                throw InvalidFormatException.from(p, e.getMessage(), text, Duration.class);
            }
        }
    }
}
