package dev.portico.bench.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The benchmark's endpoints on Spring Boot 4, as a Spring user writes them: MVC controllers on virtual threads
 * ({@code spring.threads.virtual.enabled}), Spring Security's OAuth2 resource server for the bearer JWT (HS256),
 * {@code JdbcClient} on HikariCP for the posts.
 *
 * <pre>{@code java -cp ... dev.portico.bench.spring.SpringBench --server.port=18086}</pre>
 */
@SpringBootApplication
public class SpringBench {
    public static void main(String[] args) {
        SpringApplication.run(SpringBench.class, args);
    }
}
