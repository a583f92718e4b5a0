package org.chmexchange.harvest.dump;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and fails once more than a limit are read; remembers the first
 * failure (its own or the underlying stream's), because parsers may wrap or hide the
 * {@link IOException} they got. Not thread-safe; does not close anything it was not asked to.
 */
final class BoundedInputStream extends FilterInputStream {

    /** Thrown when more than the limit is read. */
    static final class LimitExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceededException(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final long limit;
    private long count;
    private IOException failure;

    /**
     * @param in the stream to read
     * @param limit the most bytes that may be read; at least 1
     */
    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** The bytes read so far. */
    long count() {
        return count;
    }

    /** The first failure while reading, or null. */
    IOException failure() {
        return failure;
    }

    /** Whether reading stopped because the limit was exceeded. */
    boolean exceeded() {
        return failure instanceof LimitExceededException;
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = super.read();
        } catch (IOException e) {
            throw remember(e);
        }
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException e) {
            throw remember(e);
        }
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped;
        try {
            skipped = super.skip(n);
        } catch (IOException e) {
            throw remember(e);
        }
        if (skipped > 0) {
            counted(skipped);
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) throws IOException {
        count += n;
        if (count > limit) {
            throw remember(new LimitExceededException(limit));
        }
    }

    private IOException remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }
}
