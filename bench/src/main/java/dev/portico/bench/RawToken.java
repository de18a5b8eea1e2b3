package dev.portico.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Date;
import java.util.List;

/**
 * The raw floor's bearer check, by hand with Nimbus: the HS256 signature, then the claims Portico's token codec
 * checks ({@code token_type} access, {@code iss}, {@code aud}, {@code exp}), and the user id and epoch for the
 * lookup that follows. No leeway, no guess counting, no debug log: the least a correct check does.
 */
final class RawToken {
    /** A checked token's user and the epoch it was signed at. */
    record Claims(long userId, long epoch) {}

    private final JWSVerifier verifier;

    RawToken(String secret) {
        try {
            this.verifier = new MACVerifier(secret.getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalStateException("BENCH_JWT_SECRET: " + e.getMessage(), e);
        }
    }

    /** The claims of the token in {@code authorization} ({@code Bearer <token>}); null when absent or not valid. */
    Claims check(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return null;
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            List<String> audience = claims.getAudience();
            Long user = claims.getLongClaim("user_id");
            Long epoch = claims.getLongClaim("ep");
            boolean valid = "access".equals(claims.getStringClaim("token_type"))
                    && "portico".equals(claims.getIssuer())
                    && audience != null
                    && audience.contains("api")
                    && exp != null
                    && exp.getTime() > System.currentTimeMillis()
                    && user != null
                    && epoch != null;
            return valid ? new Claims(user, epoch) : null;
        } catch (ParseException | JOSEException | RuntimeException e) {
            return null;
        }
    }
}
