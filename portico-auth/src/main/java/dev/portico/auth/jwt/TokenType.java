package dev.portico.auth.jwt;

/** What a token is for, written in its {@code token_type} claim as simplejwt does, so one never passes as the other. */
public enum TokenType {
    /** Sent with every request as {@code Authorization: Bearer}; short-lived. */
    ACCESS("access"),
    /** Traded at the refresh endpoint for a new access token; recorded, so it can be spent and revoked. */
    REFRESH("refresh");

    private final String claim;

    TokenType(String claim) {
        this.claim = claim;
    }

    /** The {@code token_type} claim's value. */
    public String claim() {
        return claim;
    }
}
