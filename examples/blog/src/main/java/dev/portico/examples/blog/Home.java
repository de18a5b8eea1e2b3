package dev.portico.examples.blog;

import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.Caller;
import dev.portico.auth.accounts.Role;
import dev.portico.auth.accounts.User;
import dev.portico.error.NotFound;
import dev.portico.http.FileUpload;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Seed 002's module {@code home}, declared by {@link HomeApi}: the methods its "API Calls" part calls, at
 * {@code POST /api/home/<method>}. Every method takes the caller first, so each needs credentials: a session with its
 * CSRF token, the {@code authorisation=keyid:secret} field, or HTTP Basic with {@code username:keyid:secret} or (not
 * recommended) {@code username:password}.
 */
public final class Home implements HomeApi {
    private final Accounts accounts;

    Home(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The site, and who is asking: seed 002's {@code site_description.name} and {@code .users.count}. */
    public record SiteDescription(String name, UserCount users, String caller, Optional<String> role) {}

    /** How many users the site has. */
    public record UserCount(int count) {}

    /** A user as the API shows one: the public id, never the sequence number. */
    public record UserDescription(String id, String username) {
        static UserDescription of(User user) {
            return new UserDescription(user.publicId(), user.username());
        }
    }

    /** Seed 002's dataclass: users whose names sort after {@code name_gt} and before {@code name_lt}. */
    public record UserFilter(Optional<String> name_gt, Optional<String> name_lt) {}

    /** Describes the site; the role is the key's, or the user's default role. */
    @Override
    public SiteDescription describeSite(Caller caller) {
        Optional<String> role =
                caller.role().map(Role::name).or(() -> caller.user().defaultRole());
        return new SiteDescription("Blog", new UserCount(accounts.users().all().size()), caller.name(), role);
    }

    /** Describes one user, sent by public id ({@code user=u-...}). */
    @Override
    public UserDescription describeUser(Caller caller, User user) {
        return UserDescription.of(user);
    }

    /**
     * The users whose names fall in the filter's range ({@code filter.name_gt=a&filter.name_lt=p}): every user for
     * staff, only their own account for anyone else, so a self-registered account cannot list everyone's username
     * and public id.
     */
    @Override
    public List<UserDescription> listUsers(Caller caller, UserFilter filter) {
        boolean staff = caller.user().staff();
        long self = caller.user().id();
        return accounts.users().all().stream()
                .filter(u -> staff || u.id() == self)
                .filter(u -> filter.name_gt()
                        .map(gt -> u.username().compareTo(gt) > 0)
                        .orElse(true))
                .filter(u -> filter.name_lt()
                        .map(lt -> u.username().compareTo(lt) < 0)
                        .orElse(true))
                .map(UserDescription::of)
                .toList();
    }

    /**
     * The users of these usernames, in that order, the unknown ones left out: seed 002's list example, sent by index
     * ({@code usernames.0=joebloggs}), by repeating the name ({@code usernames=joebloggs&usernames=johndoe}), or empty
     * ({@code usernames.=}).
     */
    @Override
    public List<UserDescription> listNamedUsers(Caller caller, List<String> usernames) {
        return usernames.stream()
                .flatMap(name -> accounts.users().find(name).stream())
                .map(UserDescription::of)
                .toList();
    }

    /**
     * The user whose username is the first name and last name run together ({@code joe} {@code bloggs}); a blank
     * name is a 400 naming it, as a constraint on any controller parameter would be.
     */
    @Override
    public UserDescription findUser(Caller caller, String firstname, String lastname) throws NotFound {
        String username = (firstname + lastname).toLowerCase(Locale.ROOT);
        return accounts.users().find(username).map(UserDescription::of).orElseThrow(NotFound::new);
    }

    /** Receives a file from a page's {@code <input type="file" name="file">}, with an optional note. */
    @Override
    public Uploads.UploadReceipt upload(Caller caller, FileUpload file, Optional<String> note) throws IOException {
        return Uploads.receipt(file, note);
    }
}
