import blog.client.ApiClient;
import blog.client.ApiException;
import blog.client.api.AuthApi;
import blog.client.api.EmployeesApi;
import blog.client.api.HomeApi;
import blog.client.api.PostsApi;
import blog.client.api.TypesApi;
import blog.client.model.Echo;
import blog.client.model.Post;
import blog.client.model.PostInput;
import blog.client.model.TokenObtainRequest;
import blog.client.model.UploadReceipt;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives OpenAPI Generator's Java client (library native, over the JDK's HttpClient) against the running example;
 * JavaNativeClientTest generates the client, compiles it with this class by javac and calls {@link #run}.
 */
public final class NativeClientRun {
    private NativeClientRun() {}

    private static ApiClient client(String base, String authorization) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base);
        if (authorization != null) {
            client.setRequestInterceptor(b -> b.header("Authorization", authorization));
        }
        return client;
    }

    /** What the API answered, by step. */
    public static Map<String, Object> run(String base, String username, String password, String apiKey, String tag)
            throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        String access = new AuthApi(client(base, null))
                .obtainToken(new TokenObtainRequest().username(username).password(password))
                .getAccess();
        PostsApi posts = new PostsApi(client(base, "Bearer " + access));
        // the second argument is X-CSRFToken, which only a session caller needs
        Post created =
                posts.createPost(new PostInput().title("From Java " + tag).content("Generated"), null);
        report.put("created", Map.of("id", created.getId(), "title", created.getTitle()));
        var listed = posts.listPosts(PostsApi.APIListPostsRequest.newBuilder()
                .titleIcontains(tag)
                .pageSize(5)
                .build());
        report.put(
                "listed",
                Map.of(
                        "count",
                        listed.getCount(),
                        "titles",
                        listed.getResults().stream().map(Post::getTitle).toList()));
        try {
            posts.createPost(new PostInput().title("").content("no title"), null);
            report.put("invalid", Map.of("status", 201));
        } catch (ApiException e) {
            report.put("invalid", Map.of("status", e.getCode(), "body", e.getResponseBody()));
        }
        var employees = new EmployeesApi(client(base, "Api-Key " + apiKey))
                .listEmployees(EmployeesApi.APIListEmployeesRequest.newBuilder().build());
        report.put("employees", Map.of("count", employees.getCount()));

        // API methods: HTTP Basic with the key as the password; the form fields of a multipart body
        ApiClient basic = client(
                base,
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((username + ":" + apiKey).getBytes(StandardCharsets.UTF_8)));
        File file = File.createTempFile("hello", ".txt");
        try {
            Files.writeString(file.toPath(), "hello");
            UploadReceipt receipt = new HomeApi(basic)
                    .homeUpload(HomeApi.APIHomeUploadRequest.newBuilder()
                            ._file(file)
                            .note("from Java")
                            .build());
            report.put("upload", Map.of("size", receipt.getSize(), "note", receipt.getNote()));
            // the native library adds every file part without a null check, so the optional file of echo is sent too
            Echo echo = new TypesApi(basic)
                    .typesEcho(TypesApi.APITypesEchoRequest.newBuilder()
                            .name("ada")
                            .tags(List.of("a", "b"))
                            .people("[{\"name\":\"ada\",\"age\":36}]")
                            .scores("{\"alice\":3}")
                            ._file(file)
                            .build());
            report.put("echo", echoed(echo));
        } finally {
            Files.delete(file.toPath());
        }
        return report;
    }

    private static Map<String, Object> echoed(Echo echo) {
        Map<String, Object> echoed = new LinkedHashMap<>();
        echoed.put("name", echo.getName());
        echoed.put("tags", echo.getTags());
        echoed.put(
                "people",
                echo.getPeople().stream()
                        .map(p -> {
                            Map<String, Object> person =
                                    new LinkedHashMap<>(); // Map.of has no order, and the report is compared as text
                            person.put("name", p.getName());
                            person.put("age", p.getAge());
                            return person;
                        })
                        .toList());
        echoed.put("scores", echo.getScores());
        return echoed;
    }
}
