package org.chmexchange.node.cli;

import java.io.Console;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Whether the process talks to a terminal. */
final class Terminals {

    private Terminals() {}

    /**
     * Whether standard input and output are a terminal. Java 17 has a {@link Console} only then; from
     * Java 22 on it may have one anyway, and {@code Console.isTerminal()} (looked up reflectively, since
     * the code targets Java 17) tells.
     */
    static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        Method isTerminal;
        try {
            isTerminal = Console.class.getMethod("isTerminal");
        } catch (NoSuchMethodException e) {
            return true; // Java 17 to 21: a console exists only for a terminal
        }
        try {
            return (Boolean) isTerminal.invoke(console);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot ask the console whether it is a terminal", e);
        }
    }
}
