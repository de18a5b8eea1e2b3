package dev.portico.examples.blog;

import dev.portico.auth.accounts.Caller;
import dev.portico.auth.accounts.User;
import dev.portico.error.NotFound;
import dev.portico.examples.blog.Home.SiteDescription;
import dev.portico.examples.blog.Home.UserDescription;
import dev.portico.examples.blog.Home.UserFilter;
import dev.portico.http.FileUpload;
import dev.portico.rpc.ApiMethod;
import dev.portico.rpc.ApiModule;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Seed 002's module {@code home}, declared once for both sides: {@link Home} implements it on the server, and
 * portico-client's {@code api.proxy(HomeApi.class)} calls it from Java. Every method takes the caller first, which
 * the server fills from the credentials (a client passes {@code null}).
 */
@ApiModule("home")
public interface HomeApi {
    /** Describes the site; the role is the key's, or the user's default role. */
    @ApiMethod(summary = "Describes the site and the caller")
    SiteDescription describeSite(Caller caller);

    /** Describes one user, sent by public id ({@code user=u-...}). */
    @ApiMethod(summary = "Describes a user")
    UserDescription describeUser(Caller caller, User user);

    /** The users whose names fall in the filter's range ({@code filter.name_gt=a&filter.name_lt=p}). */
    @ApiMethod(summary = "Lists users by name")
    List<UserDescription> listUsers(Caller caller, UserFilter filter);

    /**
     * The users of these usernames, in that order, the unknown ones left out: seed 002's list example, sent by index
     * ({@code usernames.0=joebloggs}), by repeating the name ({@code usernames=joebloggs&usernames=johndoe}), or empty
     * ({@code usernames.=}).
     */
    @ApiMethod(summary = "Lists the users of some usernames")
    List<UserDescription> listNamedUsers(Caller caller, List<String> usernames);

    /**
     * The user whose username is the first name and last name run together ({@code joe} {@code bloggs}); a blank
     * name is a 400 naming it, as a constraint on any controller parameter would be; no such user is a 404, which the
     * {@code throws} clause documents.
     */
    @ApiMethod(summary = "Finds a user by first and last name")
    UserDescription findUser(Caller caller, @NotBlank String firstname, @NotBlank String lastname) throws NotFound;

    /** Receives a file from a page's {@code <input type="file" name="file">}, with an optional note. */
    @ApiMethod(summary = "Uploads a file")
    Uploads.UploadReceipt upload(Caller caller, FileUpload file, Optional<String> note) throws IOException;
}
