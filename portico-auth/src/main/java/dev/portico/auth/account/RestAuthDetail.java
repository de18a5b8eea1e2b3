package dev.portico.auth.account;

/**
 * The answer of an account action that has nothing else to say: dj-rest-auth's {@code RestAuthDetailSerializer}.
 *
 * @param detail a sentence, such as {@code Successfully logged out.}
 */
public record RestAuthDetail(String detail) {}
