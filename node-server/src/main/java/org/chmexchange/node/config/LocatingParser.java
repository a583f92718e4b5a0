package org.chmexchange.node.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser that remembers where each key and each entry of the document starts (by its JSON
 * pointer, such as {@code /sources/0/schedule}), so that an error points at the line of the key or
 * entry at fault: Jackson reports the position where it noticed the error, which for records is
 * after the whole entry. Every token passes through {@link #nextToken()}.
 */
final class LocatingParser extends JsonParserDelegate {

    private final Map<String, JsonLocation> starts = new HashMap<>();

    LocatingParser(JsonParser delegate) {
        super(delegate);
    }

    /**
     * Where the key or entry at {@code path} starts.
     *
     * @param path the path of a mapping error ({@link JsonMappingException#getPath()})
     * @param key a key below that path (an unknown key), or null
     * @return the location, or null if that path was not read
     */
    JsonLocation locationOf(List<JsonMappingException.Reference> path, String key) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                pointer.append('/').append(escape(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                pointer.append('/').append(ref.getIndex());
            }
        }
        if (key != null) {
            pointer.append('/').append(escape(key));
        }
        return starts.get(pointer.toString());
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = super.nextToken();
        if (token != null) {
            starts.putIfAbsent(getParsingContext().pathAsPointer().toString(), currentTokenLocation());
        }
        return token;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken current = currentToken();
        if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
            return this;
        }
        int depth = 1;
        while (depth > 0) {
            JsonToken token = nextToken();
            if (token == null) {
                break;
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                depth++;
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                depth--;
            }
        }
        return this;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
