package dev.portico.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.annotation.Nullable;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.form.IdResolver;
import dev.portico.http.FileUpload;
import dev.portico.http.Principal;
import dev.portico.http.Response;
import dev.portico.input.Omittable;
import dev.portico.testing.Bodies;
import dev.portico.testing.Multipart;
import dev.portico.testing.TestCaller;
import dev.portico.testing.TestRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** API methods in-process: routing, every argument rule of seed 002 through the one decoder, the caller, the index. */
class ApiTest {

    enum Color {
        RED,
        GREEN,
        BLUE
    }

    record UserFilter(Optional<String> name_gt, Optional<String> name_lt) {}

    record Person(String name, int age) {}

    record Empty() {}

    record Member(String id, String name) {}

    record Described(String caller, String user) {}

    static final Map<String, Member> MEMBERS =
            Map.of("u-1", new Member("u-1", "joebloggs"), "u-2", new Member("u-2", "johndoe"));
    static final IdResolver<Member> RESOLVER =
            IdResolver.of(Member.class, id -> Optional.ofNullable(MEMBERS.get(id)), Member::id);

    @ApiModule("home")
    public static final class Home {
        @ApiMethod
        public String describeSite() {
            return "site";
        }

        @ApiMethod
        public Described describeUser(TestCaller caller, Member user) {
            return new Described(caller.id(), user.name());
        }

        @ApiMethod
        public List<String> listUsers(UserFilter filter) {
            return List.of(filter.name_gt().orElse("-"), filter.name_lt().orElse("-"));
        }

        @ApiMethod
        public String findUser(String firstname, String lastname) {
            return firstname + " " + lastname;
        }

        @ApiMethod
        public Map<String, Object> upload(FileUpload file, Optional<String> note) throws IOException {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", file.name());
            out.put("content", new String(file.stream().readAllBytes(), StandardCharsets.UTF_8));
            out.put("note", note.orElse(null));
            return out;
        }

        @ApiMethod(name = "who")
        public String whoAmI(Optional<Principal> caller) {
            return caller.map(Principal::id).orElse("anonymous");
        }
    }

    @ApiModule("types")
    public static final class Types {
        @ApiMethod
        public Map<String, Object> echo(
                @Nullable Boolean flag,
                @Nullable Integer count,
                @Nullable Double ratio,
                @Nullable String name,
                @Nullable byte[] data,
                @Nullable Color color,
                @Nullable Instant when,
                @Nullable Member owner,
                @Nullable List<String> tags,
                @Nullable List<Person> people,
                @Nullable Map<String, Integer> scores,
                @Nullable UserFilter filter,
                @Nullable Empty empty,
                Optional<String> note,
                Omittable<String> cleared) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("flag", flag);
            out.put("count", count);
            out.put("ratio", ratio);
            out.put("name", name);
            out.put("data", data == null ? null : new String(data, StandardCharsets.UTF_8));
            out.put("color", color);
            out.put("when", when == null ? null : when.toString());
            out.put("owner", owner == null ? null : owner.name());
            out.put("tags", tags);
            out.put("people", people);
            out.put("scores", scores);
            out.put("filter", filter);
            out.put("empty", empty);
            out.put("note", note.orElse(null));
            out.put("cleared", cleared.isNull() ? "null" : cleared.isPresent() ? cleared.get() : "absent");
            return out;
        }

        @ApiMethod
        public int required(int count, boolean flag) {
            return count;
        }
    }

    private static Api api() {
        return Api.builder()
                .resolver(RESOLVER)
                .authenticators(TestCaller.session())
                .module(new Home())
                .module(new Types())
                .build();
    }

    private static Portico app(boolean small) {
        Portico.Builder builder = Portico.builder().shutdownHook(false);
        if (small) {
            builder.config(PorticoConfig.builder()
                    .set(Settings.LIMITS_FORM_FIELDS, 3)
                    .set(Settings.LIMITS_FORM_DEPTH, 2)
                    .set(Settings.LIMITS_FORM_LIST_INDEX, 5)
                    .build());
        }
        return builder.endpoints(api().endpoints()).build();
    }

    private static final Portico APP = app(false);

    private static Response post(String path, String form) {
        return APP.handle(TestRequest.of("POST", path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(form.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode echo(String form) {
        Response response = post("/api/types/echo", form);
        assertThat(response.status()).as(Bodies.text(response)).isEqualTo(200);
        return Bodies.json(response);
    }

    private static JsonNode errors(Response response) {
        assertThat(response.status()).as(Bodies.text(response)).isEqualTo(400);
        return Bodies.json(response).get("errors");
    }

    @Test
    void methodsAreServedAtTheirSnakeCaseNamesWithoutATrailingSlash() {
        Response response = APP.handle(TestRequest.of("POST", "/api/home/describe_site"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(Bodies.text(response)).isEqualTo("\"site\"");
        assertThat(APP.handle(TestRequest.of("POST", "/api/home/describe_site/"))
                        .status())
                .isEqualTo(308);
        assertThat(APP.handle(TestRequest.get("/api/home/describe_site")).status())
                .isEqualTo(405);
        assertThat(post("/api/home/who", "").status()).isEqualTo(200);
    }

    @Test
    void snakeCaseOfJavaNames() {
        assertThat(ApiMethods.snakeCase("describeSite")).isEqualTo("describe_site");
        assertThat(ApiMethods.snakeCase("findUserByID")).isEqualTo("find_user_by_id");
        assertThat(ApiMethods.snakeCase("parseHTTPRequest")).isEqualTo("parse_http_request");
        assertThat(ApiMethods.snakeCase("echo")).isEqualTo("echo");
        assertThat(ApiMethods.camelCase("home_describe_site")).isEqualTo("homeDescribeSite");
    }

    @Test
    void aMethodIsFoundByNameInCode() {
        Api api = api();
        assertThat(api.url("api:home/describe_user")).isEqualTo("/api/home/describe_user");
        assertThat(api.url("types/echo")).isEqualTo("/api/types/echo");
        assertThatThrownBy(() -> api.url("home/nothing")).hasMessageContaining("home/describe_user");
    }

    @Test
    void theCallerIsTheFirstParameter() {
        Response anonymous = post("/api/home/describe_user", "user=u-1");
        assertThat(anonymous.status()).isEqualTo(403); // X-User has no challenge: 403, as DRF
        Response known = APP.handle(TestRequest.of("POST", "/api/home/describe_user")
                .header("X-User", "ada")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("user=u-1".getBytes()));
        assertThat(Bodies.json(known).get("caller").asText()).isEqualTo("ada");
        assertThat(Bodies.json(known).get("user").asText()).isEqualTo("joebloggs");
        assertThat(Bodies.text(post("/api/home/who", ""))).isEqualTo("\"anonymous\"");
    }

    @Test
    void singleValuesOfEveryKind() {
        JsonNode out = echo("flag=true&count=42&ratio=1.5&name=joebloggs&data=aGVsbG8%3D&color=GREEN"
                + "&when=1700000000.5&owner=u-2");
        assertThat(out.get("flag").asBoolean()).isTrue();
        assertThat(out.get("count").asInt()).isEqualTo(42);
        assertThat(out.get("ratio").asDouble()).isEqualTo(1.5);
        assertThat(out.get("name").asText()).isEqualTo("joebloggs");
        assertThat(out.get("data").asText()).isEqualTo("hello");
        assertThat(out.get("color").asText()).isEqualTo("GREEN");
        assertThat(out.get("when").asText()).isEqualTo("2023-11-14T22:13:20.500Z");
        assertThat(out.get("owner").asText()).isEqualTo("johndoe");
    }

    @Test
    void absentOptionalArgumentsAreNull() {
        JsonNode out = echo("");
        for (String name : List.of(
                "flag", "count", "ratio", "name", "data", "color", "when", "owner", "tags", "people", "scores",
                "filter", "empty", "note")) {
            assertThat(out.get(name).isNull()).as(name).isTrue();
        }
        assertThat(out.get("cleared").asText()).isEqualTo("absent");
        assertThat(echo("cleared=").get("cleared").asText()).isEqualTo("null");
    }

    @Test
    void everyBoolSpellingOfTheSeed() {
        for (String yes : List.of("1", "True", "true", "Yes", "yes", "On", "on")) {
            assertThat(echo("flag=" + yes).get("flag").asBoolean()).as(yes).isTrue();
        }
        for (String no : List.of("0", "False", "false", "No", "no", "Off", "off")) {
            assertThat(echo("flag=" + no).get("flag").asBoolean()).as(no).isFalse();
        }
        assertThat(errors(post("/api/types/echo", "flag=maybe"))
                        .get("flag")
                        .get(0)
                        .asText())
                .isEqualTo("Must be a valid boolean.");
    }

    @Test
    void aCheckboxBoolMayBeSentTwiceTheLastWins() {
        // <input type="hidden" name="active" value="off"> <input type="checkbox" name="active">
        assertThat(echo("flag=off&flag=on").get("flag").asBoolean()).isTrue();
        assertThat(echo("flag=off").get("flag").asBoolean()).isFalse();
        assertThat(errors(post("/api/types/echo", "flag=off&flag=on&flag=off"))
                        .get("flag")
                        .get(0)
                        .asText())
                .isEqualTo("This field was sent more than once.");
    }

    @Test
    void anyOtherSingleValueSentTwiceIs400() {
        assertThat(errors(post("/api/types/echo", "count=1&count=2"))
                        .get("count")
                        .get(0)
                        .asText())
                .isEqualTo("This field was sent more than once.");
        assertThat(errors(post("/api/types/echo", "owner=u-1&owner=u-2"))
                        .get("owner")
                        .get(0)
                        .asText())
                .isEqualTo("This field was sent more than once.");
    }

    @Test
    void recordsByDottedNamesAndTheBlankMarker() {
        assertThat(Bodies.text(post("/api/home/list_users", "filter.name_gt=a&filter.name_lt=p")))
                .isEqualTo("[\"a\",\"p\"]");
        assertThat(Bodies.text(post("/api/home/list_users", "filter.="))).isEqualTo("[\"-\",\"-\"]");
        assertThat(Bodies.text(post("/api/home/list_users", "filter.=&filter.name_gt=a&filter.name_lt=p")))
                .isEqualTo("[\"a\",\"p\"]");
        assertThat(errors(post("/api/home/list_users", "")).get("filter").get(0).asText())
                .isEqualTo("This field is required.");
        assertThat(echo("empty.=").get("empty").isObject()).isTrue();
        assertThat(errors(post("/api/types/echo", "empty.=&empty.=")).has("empty."))
                .isTrue();
    }

    @Test
    void listsByIndexByRepeatingAndTheEmptyMarker() {
        assertThat(echo("tags.0=joebloggs&tags.1=johndoe").get("tags").toString())
                .isEqualTo("[\"joebloggs\",\"johndoe\"]");
        assertThat(echo("tags=joebloggs&tags=johndoe").get("tags").toString()).isEqualTo("[\"joebloggs\",\"johndoe\"]");
        assertThat(echo("tags.=&tags=joebloggs&tags=johndoe").get("tags").toString())
                .isEqualTo("[\"joebloggs\",\"johndoe\"]");
        assertThat(echo("tags.=").get("tags").toString()).isEqualTo("[]");
        assertThat(echo("people.0.name=ada&people.0.age=36&people.1.name=bob&people.1.age=7")
                        .get("people")
                        .toString())
                .isEqualTo("[{\"name\":\"ada\",\"age\":36},{\"name\":\"bob\",\"age\":7}]");
        assertThat(errors(post("/api/types/echo", "tags.0=a&tags.2=c"))
                        .get("tags.1")
                        .get(0)
                        .asText())
                .isEqualTo("This field is required.");
        assertThat(errors(post("/api/types/echo", "people.0.name=ada"))
                        .get("people.0.age")
                        .get(0)
                        .asText())
                .isEqualTo("This field is required.");
    }

    @Test
    void mapsByKey() {
        assertThat(echo("scores.alice=3&scores.bob=5").get("scores").toString()).isEqualTo("{\"alice\":3,\"bob\":5}");
        assertThat(echo("scores.=").get("scores").toString()).isEqualTo("{}");
        assertThat(errors(post("/api/types/echo", "scores.alice=x"))
                        .get("scores.alice")
                        .get(0)
                        .asText())
                .isEqualTo("A valid integer is required.");
    }

    @Test
    void missingUnknownAndMistypedArgumentsAre400NamingTheDottedPath() {
        JsonNode errors = errors(post("/api/types/required", "flag=on&colour=red&filter.x=1"));
        assertThat(errors.get("count").get(0).asText()).isEqualTo("This field is required.");
        assertThat(errors.get("colour").get(0).asText()).isEqualTo("Unknown field.");
        assertThat(errors.get("filter").get(0).asText()).isEqualTo("Unknown field."); // no such argument at all
        JsonNode wrong = errors(post("/api/types/echo", "count=many&color=PINK&when=soon&data=***&people.0.age=x"));
        assertThat(wrong.get("count").get(0).asText()).isEqualTo("A valid integer is required.");
        assertThat(wrong.get("color").get(0).asText()).isEqualTo("\"PINK\" is not a valid choice.");
        assertThat(wrong.get("when").get(0).asText()).isEqualTo("Must be an ISO-8601 value.");
        assertThat(wrong.get("data").get(0).asText()).isEqualTo("Must be valid base64.");
        assertThat(wrong.get("people.0.age").get(0).asText()).isEqualTo("A valid integer is required.");
        assertThat(wrong.get("people.0.name").get(0).asText()).isEqualTo("This field is required.");
    }

    @Test
    void aModelIdThatDoesNotExistIs400NamingIt() {
        assertThat(errors(post("/api/types/echo", "owner=u-404"))
                        .get("owner")
                        .get(0)
                        .asText())
                .isEqualTo("Invalid id \"u-404\" - object does not exist.");
        // a blank field is an optional one not given, as DRF reads an HTML form (Field.get_value)
        assertThat(post("/api/types/echo", "owner=").status()).isEqualTo(200);
    }

    @Test
    void argumentsFromTheQueryStringTooAllowedButDiscouraged() {
        Response response = APP.handle(TestRequest.of("POST", "/api/home/find_user?firstname=joe&lastname=bloggs"));
        assertThat(Bodies.text(response)).isEqualTo("\"joe bloggs\"");
        Response mixed = APP.handle(TestRequest.of("POST", "/api/home/find_user?firstname=joe")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("lastname=bloggs".getBytes()));
        assertThat(Bodies.text(mixed)).isEqualTo("\"joe bloggs\"");
        Response twice = APP.handle(TestRequest.of("POST", "/api/home/find_user?firstname=joe")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("firstname=jo&lastname=bloggs".getBytes()));
        assertThat(errors(twice).get("firstname").get(0).asText()).isEqualTo("This field was sent more than once.");
    }

    @Test
    void argumentsFromAJsonObjectByTheSameRules() {
        Response response = APP.handle(TestRequest.of("POST", "/api/types/echo")
                .json("{\"flag\": true, \"count\": 3,"
                        + " \"ratio\": 0.25, \"when\": 1700000000.5, \"owner\": \"u-1\", \"tags\": [\"a\", \"b\"],"
                        + " \"people\": [{\"name\": \"ada\", \"age\": 36}], \"scores\": {\"alice\": 3}, \"filter\": {},"
                        + " \"empty\": {}, \"note\": null, \"data\": \"aGk=\"}"));
        assertThat(response.status()).as(Bodies.text(response)).isEqualTo(200);
        JsonNode out = Bodies.json(response);
        assertThat(out.get("flag").asBoolean()).isTrue();
        assertThat(out.get("ratio").asDouble()).isEqualTo(0.25);
        assertThat(out.get("when").asText()).isEqualTo("2023-11-14T22:13:20.500Z");
        assertThat(out.get("owner").asText()).isEqualTo("joebloggs");
        assertThat(out.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(out.get("people").get(0).get("age").asInt()).isEqualTo(36);
        assertThat(out.get("filter").toString()).isEqualTo("{\"name_gt\":null,\"name_lt\":null}");
        assertThat(out.get("note").isNull()).isTrue();
        assertThat(out.get("data").asText()).isEqualTo("hi");
        JsonNode errors = errors(APP.handle(
                TestRequest.of("POST", "/api/types/echo").json("{\"people\": [{\"age\": \"x\"}], \"colour\": 1}")));
        assertThat(errors.get("people.0.age").get(0).asText()).isEqualTo("A valid integer is required.");
        assertThat(errors.get("colour").get(0).asText()).isEqualTo("Unknown field.");
        assertThat(errors(APP.handle(TestRequest.of("POST", "/api/types/echo").json("[1]")))
                        .get("non_field_errors")
                        .get(0)
                        .asText())
                .isEqualTo("Expected a JSON object of arguments, not array.");
    }

    @Test
    void uploadedFilesFromMultipart() {
        byte[] body = Multipart.create()
                .file("file", "notes.txt", "text/plain", "hello".getBytes())
                .field("note", "hi")
                .build();
        Response response = APP.handle(TestRequest.of("POST", "/api/home/upload")
                .header("Content-Type", Multipart.contentType())
                .body(body));
        assertThat(Bodies.text(response)).isEqualTo("{\"name\":\"notes.txt\",\"content\":\"hello\",\"note\":\"hi\"}");
        assertThat(errors(post("/api/home/upload", "file=notes.txt"))
                        .get("file")
                        .get(0)
                        .asText())
                .isEqualTo("The submitted data was not a file. Check the encoding type on the form.");
        assertThat(errors(post("/api/home/upload", "")).get("file").get(0).asText())
                .isEqualTo("No file was submitted.");
    }

    @Test
    void anotherMediaTypeIs415() {
        Response response = APP.handle(TestRequest.of("POST", "/api/home/find_user")
                .header("Content-Type", "text/plain")
                .body("firstname=joe".getBytes()));
        assertThat(response.status()).isEqualTo(415);
    }

    @Test
    void theFormLimitsApplyBeforeAnythingIsBuilt() {
        Portico small = app(true);
        Response many = small.handle(TestRequest.of("POST", "/api/types/echo")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("tags=a&tags=b&tags=c&tags=d".getBytes()));
        assertThat(Bodies.json(many).get("code").asText()).isEqualTo("too_many_fields");
        Response deep = small.handle(TestRequest.of("POST", "/api/types/echo")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("a.b.c=1".getBytes()));
        assertThat(Bodies.json(deep).get("code").asText()).isEqualTo("field_name_too_deep");
        Response index = small.handle(TestRequest.of("POST", "/api/types/echo").json("{\"tags\": [1,2,3,4,5,6,7]}"));
        assertThat(Bodies.json(index).get("code").asText()).isEqualTo("too_many_fields");
        Response jsonIndex = small.handle(TestRequest.of("POST", "/api/types/echo?tags.9=a"));
        assertThat(Bodies.json(jsonIndex).get("code").asText()).isEqualTo("list_index_too_large");
        Response jsonDeep =
                small.handle(TestRequest.of("POST", "/api/types/echo").json("{\"a\": {\"b\": {\"c\": 1}}}"));
        assertThat(Bodies.json(jsonDeep).get("code").asText()).isEqualTo("field_name_too_deep");
    }

    @Test
    void theIndexListsModulesMethodsArgumentsAndResults() {
        Response response = APP.handle(TestRequest.get("/api/_index"));
        assertThat(response.status()).isEqualTo(200);
        JsonNode index = Bodies.json(response);
        assertThat(index.get("prefix").asText()).isEqualTo("/api/");
        JsonNode home = index.get("modules").get(0);
        assertThat(home.get("name").asText()).isEqualTo("home");
        JsonNode describeUser = home.get("methods").get(1);
        assertThat(describeUser.get("name").asText()).isEqualTo("describe_user");
        assertThat(describeUser.get("path").asText()).isEqualTo("/api/home/describe_user");
        assertThat(describeUser.get("operationId").asText()).isEqualTo("homeDescribeUser");
        assertThat(describeUser.get("caller").asText()).isEqualTo("required");
        assertThat(describeUser.get("arguments").toString())
                .isEqualTo("[{\"name\":\"user\",\"required\":true,\"type\":{\"kind\":\"model\",\"name\":\"Member\"}}]");
        assertThat(describeUser.get("result").toString()).isEqualTo("{\"kind\":\"record\",\"name\":\"Described\"}");
        assertThat(index.get("records").get("Person").toString())
                .isEqualTo(
                        "[{\"name\":\"name\",\"required\":true,"
                            + "\"type\":{\"kind\":\"str\"}},{\"name\":\"age\",\"required\":true,\"type\":{\"kind\":\"int\"}}]");
        assertThat(index.get("enums").get("Color").toString()).isEqualTo("[\"RED\",\"GREEN\",\"BLUE\"]");
        JsonNode echo = index.get("modules").get(1).get("methods").get(0);
        assertThat(echo.get("arguments").get(8).toString())
                .isEqualTo("{\"name\":\"tags\",\"required\":false,"
                        + "\"type\":{\"kind\":\"list\",\"items\":{\"kind\":\"str\"}}}");
        assertThat(echo.get("arguments").get(10).get("type").toString())
                .isEqualTo("{\"kind\":\"map\",\"key\":{\"kind\":\"str\"},\"value\":{\"kind\":\"int\"}}");
    }

    @ApiModule("bad")
    public static final class Twice {
        @ApiMethod
        public int one() {
            return 1;
        }

        @ApiMethod(name = "one")
        public int two() {
            return 2;
        }
    }

    /** A model that is no record, so only an IdResolver could read it. */
    public static final class Account {}

    @ApiModule("models")
    public static final class NeedsResolver {
        @ApiMethod
        public String describe(Account account) {
            return "?";
        }
    }

    public static final class NotAModule {
        @ApiMethod
        public int one() {
            return 1;
        }
    }

    @ApiModule("Bad Name")
    public static final class BadName {
        @ApiMethod
        public int one() {
            return 1;
        }
    }

    @Test
    void mistakesFailAtStartupNamingTheFix() {
        assertThatThrownBy(() -> Api.builder().module(new Twice()).build())
                .hasMessageContaining("two API methods are named bad/one");
        assertThatThrownBy(() -> Api.builder().module(new NotAModule()).build())
                .hasMessageContaining("is not annotated @ApiModule");
        assertThatThrownBy(() -> Api.builder().module(new BadName()).build())
                .hasMessageContaining("use lower case letters");
        assertThatThrownBy(() -> Portico.builder()
                        .endpoints(Api.builder()
                                .module(new NeedsResolver())
                                .build()
                                .endpoints())
                        .build())
                .hasMessageContaining("Account")
                .hasMessageContaining("IdResolver");
        assertThatThrownBy(() -> Api.builder().build()).hasMessageContaining("no modules");
    }

    /** A module declared by an interface, as portico-client's proxies use it: the class only implements it. */
    @ApiModule("greeter")
    public interface GreeterApi {
        @ApiMethod
        String greet(String name);
    }

    static final class Greeter implements GreeterApi {
        @Override
        public String greet(String name) {
            return "Hello, " + name;
        }
    }

    interface Other {}

    @ApiModule("second")
    public interface SecondApi {
        @ApiMethod
        String greet(String name);
    }

    static final class TwoModules implements GreeterApi, SecondApi, Other {
        @Override
        public String greet(String name) {
            return name;
        }
    }

    @Test
    void aModuleMayBeDeclaredByTheInterfaceItsClassImplements() {
        Portico app = Portico.builder()
                .shutdownHook(false)
                .endpoints(Api.builder().module(new Greeter()).build().endpoints())
                .build();
        Response response = app.handle(TestRequest.of("POST", "/api/greeter/greet")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("name=ada".getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).as(Bodies.text(response)).isEqualTo(200);
        assertThat(Bodies.text(response)).isEqualTo("\"Hello, ada\"");
        assertThatThrownBy(() -> Api.builder().module(new TwoModules()).build())
                .hasMessageContaining("several @ApiModule interfaces");
    }
}
