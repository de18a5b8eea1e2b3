package dev.portico.bench.spring;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /api/posts/} for callers with a bearer JWT: HS256 with the bench secret, {@code exp}/{@code nbf} (Spring's
 * default validators), issuer {@code portico}, audience {@code api}, an access token; then its user read with
 * {@code JdbcClient}, which must exist, be active and be of the token's epoch (what Portico's token check does).
 * Everything else is open; {@code /api/items} checks its API key in the controller.
 */
@Configuration
class Security {
    @Bean
    SecurityFilterChain filters(HttpSecurity http, JdbcClient db) throws Exception {
        return http.authorizeHttpRequests(a -> a.requestMatchers("/api/posts/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(jwt -> {
                    Long user = jwt.getClaim("user_id");
                    Long epoch = jwt.getClaim("ep");
                    boolean active = user != null
                            && epoch != null
                            && db.sql("SELECT count(*) FROM auth_users WHERE id = ? AND active AND auth_epoch = ?")
                                            .params(user, epoch)
                                            .query(Long.class)
                                            .single()
                                    == 1;
                    if (!active) {
                        throw new InvalidBearerTokenException("user gone, inactive or signed out");
                    }
                    return new JwtAuthenticationToken(jwt, List.of(), String.valueOf(user));
                })))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${bench.jwt-secret}") String secret) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(
                        new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer("portico"),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains("api")),
                new JwtClaimValidator<String>("token_type", "access"::equals)));
        return decoder;
    }
}
