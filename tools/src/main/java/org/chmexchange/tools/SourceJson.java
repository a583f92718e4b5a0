package org.chmexchange.tools;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the JSON source files with Jackson, strictly: an unknown field or a missing file is an
 * error, so that a changed source never silently loses data.
 *
 * <p>Thread-safety: the shared mapper is thread-safe once configured.
 */
final class SourceJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SourceJson() {}

    /**
     * Reads {@code file} as {@code type}.
     *
     * @throws IOException if the file is missing, unreadable or does not match {@code type}; the
     *     message names the file
     */
    static <T> T read(Path file, Class<T> type) throws IOException {
        return read(file, MAPPER.getTypeFactory().constructType(type));
    }

    /** Reads {@code file} as a generic type (for example a list of records). */
    static <T> T read(Path file, TypeReference<T> type) throws IOException {
        return read(file, MAPPER.getTypeFactory().constructType(type));
    }

    private static <T> T read(Path file, com.fasterxml.jackson.databind.JavaType type) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "source file not found");
        }
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (JacksonException e) {
            throw new IOException("Cannot read source " + file + ": " + e.getOriginalMessage(), e);
        }
    }
}
