package org.chmexchange.testkit.harvest;

import org.chmexchange.validation.RecordValidator;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link RecordValidator} (real shapes and thesaurus; a few seconds to build) for every
 * harvester test class of the run, closed by JUnit when the run ends.
 */
public final class SharedValidator implements ExtensionContext.Store.CloseableResource {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SharedValidator.class);

    final RecordValidator validator = new RecordValidator();

    /** The validator of this test run, built at the first call. */
    public static RecordValidator of(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SharedValidator.class).validator;
    }

    @Override
    public void close() {
        validator.close();
    }
}
