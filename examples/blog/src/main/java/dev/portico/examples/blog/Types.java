package dev.portico.examples.blog;

import dev.portico.annotation.Nullable;
import dev.portico.auth.accounts.User;
import dev.portico.examples.blog.Home.UserDescription;
import dev.portico.examples.blog.Home.UserFilter;
import dev.portico.http.FileUpload;
import dev.portico.rpc.ApiMethod;
import dev.portico.rpc.ApiModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The module {@code types}: {@code echo} takes one argument of every kind seed 002 lists, each optional, and answers
 * exactly what it decoded, by parameter name (null for what was not sent). It needs no caller, so it shows the
 * decoding rules alone: {@code curl -d 'flag=on&tags=a&tags=b&scores.alice=3' .../api/types/echo}.
 */
@ApiModule("types")
public final class Types {

    /** An enum, sent by name. */
    public enum Color {
        RED,
        GREEN,
        BLUE
    }

    /** A record in a list: {@code people.0.name=ada&people.0.age=36}. */
    public record Person(String name, int age) {}

    /** A record with no fields, sent with the blank marker {@code empty.=}. */
    public record Empty() {}

    /** An uploaded file as echo shows it. */
    public record FileInfo(String name, String contentType, long size) {}

    /** What echo decoded. */
    public record Echo(
            @Nullable Boolean flag,
            @Nullable Integer count,
            @Nullable Double ratio,
            @Nullable String name,
            @Nullable byte[] data,
            @Nullable Color color,
            @Nullable Instant when,
            @Nullable UserDescription owner,
            @Nullable List<String> tags,
            @Nullable List<Person> people,
            @Nullable Map<String, Integer> scores,
            @Nullable UserFilter filter,
            @Nullable Empty empty,
            Optional<String> note,
            @Nullable FileInfo file) {}

    /** Answers its arguments as decoded. */
    @ApiMethod(summary = "Echoes every kind of argument")
    public Echo echo(
            @Nullable Boolean flag,
            @Nullable Integer count,
            @Nullable Double ratio,
            @Nullable String name,
            @Nullable byte[] data,
            @Nullable Color color,
            @Nullable Instant when,
            @Nullable User owner,
            @Nullable List<String> tags,
            @Nullable List<Person> people,
            @Nullable Map<String, Integer> scores,
            @Nullable UserFilter filter,
            @Nullable Empty empty,
            Optional<String> note,
            @Nullable FileUpload file) {
        return new Echo(
                flag,
                count,
                ratio,
                name,
                data,
                color,
                when,
                owner == null ? null : UserDescription.of(owner),
                tags,
                people,
                scores,
                filter,
                empty,
                note,
                file == null ? null : new FileInfo(file.name(), file.contentType(), file.size()));
    }
}
