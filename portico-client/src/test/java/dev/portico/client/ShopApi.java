package dev.portico.client;

import dev.portico.annotation.Nullable;
import dev.portico.http.FileUpload;
import dev.portico.rpc.ApiMethod;
import dev.portico.rpc.ApiModule;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tests' module, declared by an interface as a client proxy needs; {@link TestServer} serves an implementation. */
@ApiModule("shop")
public interface ShopApi {
    /** An item of an order. */
    record Item(String name, int quantity) {}

    /** What an order answers. */
    record Receipt(String caller, List<Item> items, Optional<String> note, int total) {}

    /** Who called, with the X-Tenant header the authenticator saw. */
    record Who(String caller, String tenant, String color) {}

    /** An enum, sent by name. */
    enum Color {
        RED,
        GREEN
    }

    /** A file's name, type and content. */
    record Received(String name, String contentType, String content, Optional<String> note) {}

    @ApiMethod
    Receipt order(KeyCaller caller, List<Item> items, Optional<String> note);

    @ApiMethod(name = "who_am_i")
    Who whoAmI(KeyCaller caller, @Nullable Color color);

    @ApiMethod
    String greet(@NotBlank String name);

    @ApiMethod
    Map<String, Integer> count(List<String> words, @Nullable Instant at);

    @ApiMethod
    Received upload(FileUpload file, Optional<String> note) throws IOException;

    @ApiMethod
    void forget(String name);

    /** Not an API method: runs in the client. */
    default String greetTwice(String name) {
        return greet(name) + " " + greet(name);
    }
}
