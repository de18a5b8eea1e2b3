package dev.portico.auth.jwt;

import java.time.Instant;

/**
 * The claims of a token that passed verification.
 *
 * @param type the {@code token_type} claim
 * @param userId the {@code sub} claim: the user's id
 * @param jti the token's unique id
 * @param epoch the {@code ep} claim: the user's {@code auth_epoch} when it was issued
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 */
public record TokenClaims(TokenType type, long userId, String jti, long epoch, Instant issuedAt, Instant expiresAt) {}
