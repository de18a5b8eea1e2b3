package dev.portico.validation;

/**
 * A record that checks rules across its fields, after its constraints have passed, like a DRF serializer's
 * {@code validate()}:
 * <pre>{@code
 * record Booking(@NotNull LocalDate start, @NotNull LocalDate end) implements Validatable {
 *     public void validate(Errors errors) {
 *         if (end.isBefore(start)) {
 *             errors.add("end", "Must not be before start.");
 *         }
 *     }
 * }
 * }</pre>
 * Portico calls it for a request body record, and for every record nested in it, only when no constraint of
 * that record or of anything inside it failed, so the method may rely on its fields being valid. What it adds
 * is reported in the same 400 as every other error of the request.
 */
public interface Validatable {

    /** Adds an error for each broken rule; adding none means the record is valid. */
    void validate(Errors errors);
}
