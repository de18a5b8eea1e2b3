package dev.portico.examples.blog;

import dev.portico.annotation.Nullable;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.auth.accounts.Caller;
import dev.portico.data.Database;
import dev.portico.data.model.Column;
import dev.portico.data.model.Model;
import dev.portico.data.query.BaseUrl;
import dev.portico.data.query.Lookup;
import dev.portico.data.query.Pagination;
import dev.portico.data.resource.Resource;
import dev.portico.http.HttpMethod;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Employees in the {@code employees} table ({@code V2__employees.sql}): the resource that shows filters on
 * exact text, decimal ranges ({@code salary__gte}, {@code salary__lte}) and dates ({@code hire_date__gte}). Each
 * user has their own employees, as seed 000's per-user API: another user's are not found (404), not even listed.
 * An API key made for a role acts with that role's scopes: it reads its user's employees, and changes them only
 * when the role carries {@value #WRITE_SCOPE} (403 otherwise).
 */
public final class Employees {
    /** The scope a role key needs to create, change or delete employees. */
    public static final String WRITE_SCOPE = "employees:write";

    private static final Set<HttpMethod> SAFE = EnumSet.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private Employees() {}

    /** A stored employee; the salary is exact (NUMERIC(12, 2)), never a floating-point number. */
    public record Employee(
            long id,
            String name,
            String department,
            BigDecimal salary,
            LocalDate hireDate,
            Instant createdAt,
            Instant updatedAt,
            long version,
            @Column("owner_id") @Nullable Long owner) {}

    /** What a client sends to create or replace an employee. */
    public record EmployeeInput(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 50) String department,

            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2)
            BigDecimal salary,

            @NotNull LocalDate hireDate) {}

    /** What a client sends to patch an employee: only the fields sent change. */
    public record EmployeePatch(
            Optional<@NotBlank @Size(max = 100) String> name,
            Optional<@NotBlank @Size(max = 50) String> department,
            Optional<@DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal> salary,
            Optional<LocalDate> hireDate) {}

    /** Reads for everyone let in; writes for a caller acting as a role only when the role has the scope. */
    static Permission roleKeysWriteWithTheScope() {
        return Permission.of(
                request -> {
                    if (SAFE.contains(request.method())) {
                        return true;
                    }
                    Optional<Caller> caller =
                            request.principal().filter(Caller.class::isInstance).map(Caller.class::cast);
                    return caller.isEmpty()
                            || caller.get().role().isEmpty()
                            || caller.get().hasScope(WRITE_SCOPE);
                },
                method -> true);
    }

    /** The resource on {@code db}, for callers the authenticators recognise; declaring it needs no connection. */
    public static Resource<Employee> resource(Database db, Set<String> allowedHosts, Authenticator... authenticators) {
        return Resource.of(Model.of(Employee.class), db, "/api/employees/")
                .create(EmployeeInput.class)
                .partialUpdate(EmployeePatch.class)
                .list(q -> q.filters("name", Lookup.ICONTAINS)
                        .filters("department", Lookup.EXACT, Lookup.IN)
                        .filters("salary", Lookup.GTE, Lookup.LTE)
                        .filters("hireDate", Lookup.GTE, Lookup.LTE)
                        .search("name")
                        .ordering("id", "name", "salary", "hireDate")
                        .defaultOrdering("id")
                        .pagination(Pagination.pageNumber(10, 100)))
                .baseUrl(r -> BaseUrl.fromHost(r, "http", allowedHosts))
                .onCreate("owner", Owners::callerId)
                .scope("owner", Owners::callerId)
                .endpoints(e -> e.tags("employees")
                        .authenticators(authenticators)
                        .permissions(Permission.authenticated().and(roleKeysWriteWithTheScope())))
                .build();
    }
}
