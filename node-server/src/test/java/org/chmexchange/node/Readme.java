package org.chmexchange.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sections and fenced code blocks of README.md, for tests that follow it. A section runs from
 * its {@code ## } heading to the next; a block is a fenced block with a language; its file is the
 * first {@code `name.ext`} of the line before the block, if any.
 */
record Readme(String text) {

    private static final Pattern HEADING = Pattern.compile("(?m)^## (.+)$");
    private static final Pattern BLOCK = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```$");
    private static final Pattern FILE = Pattern.compile("`([\\w-]+\\.[a-z]+)`");

    static Readme read(Path file) throws IOException {
        return new Readme(Files.readString(file));
    }

    /** The section under the heading that starts with {@code title}; fails if there is none. */
    Section section(String title) {
        Matcher m = HEADING.matcher(text);
        while (m.find()) {
            if (m.group(1).startsWith(title)) {
                int start = m.end();
                int end = m.find() ? m.start() : text.length();
                return new Section(text.substring(start, end));
            }
        }
        throw new AssertionError("README.md has no section '" + title + "'");
    }

    record Section(String text) {
        /** The blocks of that language, in order. */
        List<Block> blocks(String language) {
            List<Block> blocks = new ArrayList<>();
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                if (m.group(1).equals(language)) {
                    String before = text.substring(0, m.start()).stripTrailing();
                    String lastLine = before.substring(before.lastIndexOf('\n') + 1);
                    Matcher file = FILE.matcher(lastLine);
                    blocks.add(new Block(m.group(2), file.find() ? file.group(1) : null));
                }
            }
            return blocks;
        }
    }

    /**
     * @param text the block's text, as written
     * @param file the file the paragraph before it names; null if none
     */
    record Block(String text, String file) {
        /** Its commands: lines that are neither empty nor comments, continuation lines joined. */
        List<String> commands() {
            List<String> commands = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : text.split("\n")) {
                if (current.isEmpty() && (line.isBlank() || line.stripLeading().startsWith("#"))) {
                    continue;
                }
                if (line.endsWith("\\")) {
                    current.append(line, 0, line.length() - 1);
                    continue;
                }
                commands.add(current.append(line).toString().strip());
                current.setLength(0);
            }
            return commands;
        }
    }
}
