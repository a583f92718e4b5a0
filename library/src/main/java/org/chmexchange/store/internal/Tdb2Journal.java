package org.chmexchange.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.sys.Names;
import org.apache.jena.dboe.transaction.txn.ComponentId;
import org.apache.jena.dboe.transaction.txn.TransactionException;
import org.apache.jena.dboe.transaction.txn.journal.Journal;
import org.apache.jena.dboe.transaction.txn.journal.JournalEntry;
import org.apache.jena.dboe.transaction.txn.journal.JournalEntryType;
import org.chmexchange.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts a torn tail off the journal of a TDB2 generation before Jena opens it.
 *
 * <p>Jena 5.6.0 writes a transaction's redo entries to {@code journal.jrnl} (each as two writes, a
 * header and then its data), then a {@code COMMIT} entry, syncs, applies the entries and empties
 * the journal. A process killed between the two writes of an entry leaves a header whose data is
 * missing; Jena's recovery then fails ({@code TransactionException: Failed to read the journal
 * entry data}) and the database does not open, although the torn entry belongs to a transaction
 * that never committed and that recovery would have discarded anyway (it replays only entries
 * followed by a {@code COMMIT}). Measured: one folder in about 40 SIGKILLs of a compacting,
 * writing process.
 *
 * <p>The rule: the journal is read with Jena's own reader; if it ends in an entry that runs past
 * the end of the file, the journal is cut after its last {@code COMMIT} (or emptied when there is
 * none), which is exactly what recovery would have replayed. An entry that is whole but fails its
 * checksum is not a torn write (the file would be shorter) but damage: the journal is left as it
 * is and opening fails with a {@link StoreException} that says so.
 *
 * <p>Header layout (Jena's {@code Journal}): length of the data (4 bytes, big-endian; -1 when
 * none), checksum (4), entry type (4), component id ({@link ComponentId#SIZE} bytes), then the
 * data. Not thread-safe: called while holding the folder's lock, before the database is opened.
 */
final class Tdb2Journal {

    private static final Logger LOG = LoggerFactory.getLogger(Tdb2Journal.class);
    private static final int HEADER_BYTES = 3 * Integer.BYTES + ComponentId.SIZE;

    private Tdb2Journal() {}

    /**
     * Repairs the journal of one generation folder ({@code Data-NNNN}) if its tail is torn.
     *
     * @param generation the generation folder; nothing is done when it holds no journal
     * @return the number of bytes cut off (0 when the journal was whole or absent)
     * @throws StoreException if the journal is damaged other than by a torn tail, or cannot be read
     */
    static long repair(Path generation) {
        Path file = generation.resolve(Names.journalFile);
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        long size;
        long committed = 0;
        long next = 0;
        Journal journal = Journal.create(Location.create(generation));
        try {
            size = journal.size();
            Iterator<JournalEntry> entries = journal.entries();
            try {
                while (entries.hasNext()) {
                    JournalEntry entry = entries.next();
                    ByteBuffer data = entry.getByteBuffer();
                    next = entry.getPosition() + HEADER_BYTES + (data == null ? 0 : data.capacity());
                    if (entry.getType() == JournalEntryType.COMMIT) {
                        committed = next;
                    }
                }
                return 0;
            } catch (TransactionException e) {
                if (!runsPastTheEnd(file, next, size)) {
                    throw new StoreException(
                            "The journal " + file + " is damaged at byte " + next
                                    + " (not a torn write, which would end the file): " + e.getMessage()
                                    + "; restore the folder from a backup or a dump",
                            e);
                }
            }
            LOG.warn(
                    "The journal {} ends in an entry torn by a crash at byte {} of {}: cutting it after its last"
                            + " commit, at byte {} (a transaction that never committed)",
                    file,
                    next,
                    size,
                    committed);
            journal.truncate(committed);
            journal.sync();
            return size - committed;
        } finally {
            journal.close();
        }
    }

    /** Whether the entry starting at {@code position} does not fit in a file of {@code size} bytes. */
    private static boolean runsPastTheEnd(Path file, long position, long size) {
        if (size - position < HEADER_BYTES) {
            return true;
        }
        ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (length.hasRemaining()) {
                if (channel.read(length, position + length.position()) < 0) {
                    return true;
                }
            }
        } catch (IOException e) {
            throw new StoreException("Cannot read the journal " + file + ": " + e, e);
        }
        int dataBytes = length.flip().getInt();
        return dataBytes > 0 && position + HEADER_BYTES + dataBytes > size;
    }
}
