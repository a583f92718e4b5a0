package org.chmexchange.rdf;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 for {@link RecordReader}: the JDK's decoder set to report, not replace, malformed
 * and unmappable input (so overlong forms, truncated sequences and encoded surrogates are errors, as
 * RFC 3629 section 3 requires). Thread-safety: stateless; a {@link CountingStream} is for one parse.
 */
final class Utf8 {

    private Utf8() {}

    /** A decoder that reports every malformed or unmappable sequence. */
    static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** A reader of {@code in} that fails with a {@link CharacterCodingException} on bytes that are not UTF-8. */
    static Reader strictReader(InputStream in) {
        return new InputStreamReader(in, strictDecoder());
    }

    /**
     * Checks that {@code document} is UTF-8.
     *
     * @throws RecordParseException with the byte offset of the first sequence that is not
     */
    static void check(byte[] document, String what) {
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer in = ByteBuffer.wrap(document);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            // endOfInput: a sequence cut off at the end is malformed too
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw notUtf8(what, in.position(), result.length(), document);
            }
            if (!result.isOverflow()) {
                return; // underflow with every byte consumed
            }
            out.clear();
        }
    }

    private static RecordParseException notUtf8(String what, int offset, int length, byte[] document) {
        StringBuilder bytes = new StringBuilder();
        for (int i = offset; i < Math.min(document.length, offset + Math.max(1, length)); i++) {
            bytes.append(bytes.length() == 0 ? "" : " ").append(String.format("%02X", document[i] & 0xFF));
        }
        return new RecordParseException(
                "Cannot parse " + what + ": it is not UTF-8 at byte " + offset + " (" + bytes + "); send it in UTF-8",
                -1,
                -1,
                offset,
                null);
    }

    /** The error for a document that cannot be decoded, at about the bytes read so far. */
    static RecordParseException notDecodable(String what, IOException e, CountingStream counted) {
        return new RecordParseException(
                "Cannot parse " + what + ": it cannot be decoded (" + e.getMessage() + ") within its first "
                        + counted.count() + " bytes; send it in UTF-8",
                -1,
                -1,
                -1,
                e);
    }

    /** Rethrows a parser's error whose cause is undecodable bytes as such. */
    static void rethrowIfNotUtf8(Exception e, String what, CountingStream counted) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof CharacterCodingException coding) {
                throw notDecodable(what, coding, counted);
            }
        }
    }

    /** Counts the bytes read through it. */
    static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
