package org.chmexchange.rdf;

import org.chmexchange.ChmException;
import org.eclipse.rdf4j.model.Resource;

/**
 * RDF that cannot be mapped to a typed record: a required property is missing, a property has
 * more values than MODEL.md allows or a value of the wrong kind, the subject has no record class,
 * or a nested file is a blank node. The message names the subject and the property:
 * {@code Cannot map <http://.../records/decision/x>: dcterms:identifier missing}.
 *
 * <p>Thrown by {@link RecordMapper}; a caller mapping many records can catch it per record and
 * go on.
 */
public class RecordMappingException extends ChmException {

    private static final long serialVersionUID = 1L;

    private final transient Resource subject;

    /**
     * @param subject the record that cannot be mapped; not null
     * @param detail what is wrong, naming the property; not null
     */
    public RecordMappingException(Resource subject, String detail) {
        super(message(subject, detail));
        this.subject = subject;
    }

    /**
     * @param subject the record that cannot be mapped; not null
     * @param detail what is wrong; not null
     * @param cause the underlying error; may be null
     */
    public RecordMappingException(Resource subject, String detail, Throwable cause) {
        super(message(subject, detail), cause);
        this.subject = subject;
    }

    /** The record that cannot be mapped (null only after deserialisation). */
    public Resource subject() {
        return subject;
    }

    private static String message(Resource subject, String detail) {
        String name = subject.isIRI() ? "<" + subject.stringValue() + ">" : subject.toString();
        return "Cannot map " + name + ": " + detail;
    }
}
