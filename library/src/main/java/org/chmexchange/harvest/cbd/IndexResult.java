package org.chmexchange.harvest.cbd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One answer of the CBD index: the standard Solr JSON response {@code {"response": {"numFound",
 * "start", "docs": [...]}}} (INCUMBENTS.md part A 1.5).
 *
 * @param url the URL it answered, for messages
 * @param numFound how many documents match
 * @param docs the documents of this page, each a JSON object
 */
record IndexResult(String url, long numFound, List<JsonNode> docs) {

    private static final ObjectMapper JSON = new ObjectMapper();

    IndexResult {
        docs = List.copyOf(docs);
    }

    /** A Solr answer that is not one: not JSON, or without {@code response.docs}. */
    static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;

        FormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static IndexResult read(String url, byte[] bytes) throws FormatException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new FormatException("not JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new FormatException("not JSON (" + e.getMessage() + ")", e);
        }
        JsonNode response = root == null ? null : root.get("response");
        JsonNode docs = response == null ? null : response.get("docs");
        if (docs == null || !docs.isArray()) {
            JsonNode error = root == null ? null : root.path("error").path("msg");
            throw new FormatException(
                    error != null && error.isTextual() ? "Solr error: " + error.asText() : "no response.docs array",
                    null);
        }
        List<JsonNode> out = new ArrayList<>(docs.size());
        for (JsonNode doc : docs) {
            if (!doc.isObject()) {
                throw new FormatException("a document of response.docs is not an object", null);
            }
            out.add(doc);
        }
        return new IndexResult(url, response.path("numFound").asLong(out.size()), out);
    }
}
