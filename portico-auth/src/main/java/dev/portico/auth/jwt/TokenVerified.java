package dev.portico.auth.jwt;

/** The answer of {@code POST /auth/verify_token/} for a valid token: {@code {}}, as simplejwt's. */
public record TokenVerified() {}
