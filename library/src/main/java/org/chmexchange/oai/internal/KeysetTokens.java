package org.chmexchange.oai.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdcc.xoai.exceptions.BadResumptionTokenException;
import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.ResumptionToken;
import io.gdcc.xoai.services.api.ResumptionTokenFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The node's OAI-PMH resumption tokens: the list's arguments ({@code metadataPrefix}, {@code set},
 * {@code from}, {@code until}), the offset (for the {@code cursor} attribute) and the change
 * sequence after which the next page starts, as compact JSON in unpadded base64url (so a token is
 * safe in a URL unescaped). A token never expires: the position is a key of the change index, not
 * a server-side session, so it stays valid across restarts and concurrent writes.
 */
public final class KeysetTokens implements ResumptionTokenFormat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    private final Position position;

    /** @param position the request's position, updated by {@link #parse(String)}; not null */
    public KeysetTokens(Position position) {
        this.position = Objects.requireNonNull(position, "position");
    }

    @Override
    public ResumptionTokenFormat withGranularity(Granularity granularity) {
        return this; // times are kept to the millisecond, whatever the granularity of the request
    }

    @Override
    public String format(ResumptionToken.Value value) {
        ObjectNode o = JSON.createObjectNode();
        o.put("v", VERSION);
        o.put("o", value.getOffset());
        o.put("k", position.next());
        if (value.hasMetadataPrefix()) {
            o.put("p", value.getMetadataPrefix());
        }
        if (value.hasSetSpec()) {
            o.put("s", value.getSetSpec());
        }
        if (value.hasFrom()) {
            o.put("f", value.getFrom().toEpochMilli());
        }
        if (value.hasUntil()) {
            o.put("u", value.getUntil().toEpochMilli());
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(o));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a resumption token", e);
        }
    }

    @Override
    public ResumptionToken.Value parse(String token) throws BadResumptionTokenException {
        JsonNode o;
        try {
            o = JSON.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new BadResumptionTokenException("The resumption token is not one of this repository's");
        }
        if (o == null
                || !o.isObject()
                || o.path("v").asInt(-1) != VERSION
                || !o.path("o").canConvertToLong()
                || !o.path("k").canConvertToLong()
                || o.path("o").asLong() < 0
                || o.path("k").asLong() < 0) {
            throw new BadResumptionTokenException("The resumption token is not one of this repository's");
        }
        ResumptionToken.ValueBuilder b =
                new ResumptionToken.ValueBuilder().withOffset(o.path("o").asLong());
        if (o.hasNonNull("p")) {
            b.withMetadataPrefix(o.get("p").asText());
        }
        if (o.hasNonNull("s")) {
            b.withSetSpec(o.get("s").asText());
        }
        if (o.hasNonNull("f")) {
            b.withFrom(Instant.ofEpochMilli(o.get("f").asLong()));
        }
        if (o.hasNonNull("u")) {
            b.withUntil(Instant.ofEpochMilli(o.get("u").asLong()));
        }
        position.after(o.path("k").asLong());
        return b.build();
    }
}
