package dev.portico.auth.account;

import dev.portico.endpoint.Endpoint;
import dev.portico.error.NotFound;
import dev.portico.http.HttpMethod;
import java.util.List;

/** dj-rest-auth's {@code registration/} URLs: register, verify-email and resend-email. */
final class RegistrationEndpoints {
    private RegistrationEndpoints() {}

    static List<Endpoint> of(
            AccountEndpoints e, AccountActions actions, EmailVerifications verifications, boolean djRestAuth) {
        String base = djRestAuth ? "registration/" : "register/";
        boolean mandatory = e.mandatoryVerification();
        Class<?> output = mandatory ? RestAuthDetail.class : e.loginOutput();
        Endpoint register = e.guessed(e.open(HttpMethod.POST, base))
                .output(output)
                .body(Register.class)
                .<Register>handleBody(actions::register)
                .status(201)
                .operationId("register")
                .summary("Register an account")
                .description((mandatory
                                ? "Creates the account and sends the verification e-mail; it can log in once "
                                        + "the address is confirmed. "
                                : "Creates the account and logs it in (session and CSRF cookies"
                                        + (e.jwt() ? ", and tokens" : "") + "). ")
                        + e.csrfSentence())
                .middleware(e.anonymousCsrf())
                .build();
        Endpoint verify = e.open(HttpMethod.POST, base + "verify-email/")
                .output(RestAuthDetail.class)
                .body(VerifyEmail.class)
                .<VerifyEmail>handleBody((request, in) -> verifications.verify(in))
                .operationId("verifyEmail")
                .summary("Confirm an e-mail address")
                .description("Takes the key of a verification e-mail. 404 when it is unknown or expired, or the "
                        + "address changed since.")
                .response(404, NotFound.class)
                .build();
        Endpoint resend = e.guessed(e.open(HttpMethod.POST, base + "resend-email/"))
                .output(RestAuthDetail.class)
                .body(ResendEmail.class)
                .<ResendEmail>handleBody((request, in) -> verifications.resend(in))
                .operationId("resendEmail")
                .summary("Send the verification e-mail again")
                .description("Answers ok whether or not the address has an unconfirmed account.")
                .build();
        return List.of(register, verify, resend);
    }
}
