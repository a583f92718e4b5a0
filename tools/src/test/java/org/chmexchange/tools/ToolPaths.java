package org.chmexchange.tools;

import java.nio.file.Path;

/** Folders the tests work on; Maven sets them (tools/pom.xml), an IDE run falls back to the module folder. */
final class ToolPaths {

    private ToolPaths() {}

    /** {@code tools/src/main/sources}. */
    static Path sources() {
        return Path.of(System.getProperty("chm.sources.dir", "src/main/sources"));
    }

    /** The committed output: {@code vocabularies/src/main/resources/org/chmexchange/vocabularies}. */
    static Path committed() {
        return Path.of(System.getProperty(
                "chm.vocabularies.dir", "../vocabularies/src/main/resources/org/chmexchange/vocabularies"));
    }
}
