package dev.portico.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.http.Principal;
import dev.portico.testing.TestRequest;
import dev.portico.throttle.Throttle;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Validation runs in the VALIDATE stage: after authentication, permissions and throttling, before the endpoint. */
class ValidationOrderTest {
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Recorded.Check.class)
    @interface Recorded {
        String message() default "Recorded.";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Check implements ConstraintValidator<Recorded, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                EVENTS.add("constraint");
                return true;
            }
        }
    }

    record Note(@Recorded String text) implements Validatable {
        @Override
        public void validate(Errors errors) {
            EVENTS.add("hook");
        }
    }

    @Test
    void constraintsThenHookRunAfterThePoliciesAndBeforeTheEndpoint() {
        Portico app = Portico.builder()
                .config(PorticoConfig.defaults())
                .authenticators(request -> {
                    EVENTS.add("authenticate");
                    return Optional.of(Principal.of("u1", Set.of()));
                })
                .permissions(request -> {
                    EVENTS.add("permit");
                    return true;
                })
                .throttle(key -> {
                    EVENTS.add("throttle");
                    return new Throttle.Decision(true, 10, 9, 60);
                })
                .post("/api/notes/", Note.class, Note.class, (request, note) -> {
                    EVENTS.add("endpoint");
                    return note;
                })
                .build();
        EVENTS.clear(); // startup probes the constraint once, with null
        assertThat(app.handle(TestRequest.of("POST", "/api/notes/").json("{\"text\": \"hi\"}"))
                        .status())
                .isEqualTo(200);
        assertThat(EVENTS).containsExactly("authenticate", "permit", "throttle", "constraint", "hook", "endpoint");
    }
}
