package dev.portico.auth.cli;

import java.io.Console;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/** Where {@code createuser} asks for a password when standard input is a terminal; tests give their own. */
@FunctionalInterface
interface Terminal {

    /** The answer typed without echo, or empty when there is no terminal to ask. */
    Optional<char[]> readPassword(String prompt);

    /** The process's console, when standard input and output are a terminal. */
    static Terminal system() {
        return prompt -> {
            Console console = System.console();
            if (console == null || !interactive(console)) {
                return Optional.empty();
            }
            return Optional.ofNullable(console.readPassword("%s", prompt));
        };
    }

    /**
     * Whether the console is a terminal: from Java 22 {@code System.console()} answers even when the streams are
     * redirected, and {@code Console.isTerminal()} (absent from the Java 21 API this module compiles against) tells.
     */
    private static boolean interactive(Console console) {
        try {
            MethodHandle isTerminal = MethodHandles.publicLookup()
                    .findVirtual(Console.class, "isTerminal", MethodType.methodType(boolean.class));
            return (boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return true; // Java 21: a console is only given to a terminal
        } catch (Throwable e) {
            return false;
        }
    }
}
