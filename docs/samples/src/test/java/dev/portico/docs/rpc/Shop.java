package dev.portico.docs.rpc;

import dev.portico.annotation.Nullable;
import dev.portico.http.FileUpload;
import dev.portico.rpc.ApiMethod;
import dev.portico.rpc.ApiModule;
import jakarta.validation.constraints.NotEmpty;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The module of docs/api-methods.md. */
// region module
@ApiModule("shop")
public final class Shop {

    public enum Size {
        SMALL,
        MEDIUM,
        LARGE
    }

    public record Product(String name, Size size, BigDecimal price) {}

    /** A record argument: price.min=5&price.max=20 */
    public record PriceRange(Optional<BigDecimal> min, Optional<BigDecimal> max) {}

    public record Receipt(
            List<String> items, boolean gift, @Nullable Instant after, Map<String, Integer> quantities) {}

    public record Stored(String name, long size) {}

    private static final List<Product> PRODUCTS = List.of(
            new Product("mug", Size.SMALL, new BigDecimal("8.50")),
            new Product("poster", Size.LARGE, new BigDecimal("15.00")),
            new Product("lamp", Size.MEDIUM, new BigDecimal("42.00")));

    @ApiMethod(summary = "Lists the products in a price range and of some sizes")
    public List<Product> listProducts(PriceRange price, List<Size> sizes) {
        return PRODUCTS.stream()
                .filter(p ->
                        price.min().map(min -> p.price().compareTo(min) >= 0).orElse(true))
                .filter(p ->
                        price.max().map(max -> p.price().compareTo(max) <= 0).orElse(true))
                .filter(p -> sizes.isEmpty() || sizes.contains(p.size()))
                .toList();
    }

    @ApiMethod(summary = "Places an order")
    public Receipt placeOrder(
            @NotEmpty List<String> items, boolean gift, @Nullable Instant after, Map<String, Integer> quantities) {
        return new Receipt(items, gift, after, quantities);
    }

    @ApiMethod(summary = "Stores an invoice")
    public Stored uploadInvoice(FileUpload file) throws IOException {
        return new Stored(file.name(), file.bytes().length);
    }
}
// endregion module
