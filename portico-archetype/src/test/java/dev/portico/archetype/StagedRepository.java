package dev.portico.archetype;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A Maven home for nested builds that sees this reactor's Portico artifacts without installing them into
 * {@code ~/.m2}: a private local repository under {@code target/} holding the modules' poms and freshly packaged jars
 * (laid out as {@code mvn install} would), and a {@code settings.xml} that reads every other artifact from the
 * user's own {@code ~/.m2/repository} as a {@code file://} repository (copied, never downloaded again; anything
 * missing there still comes from Maven Central). A nested {@code mvn} started with {@code -Duser.home} pointing here
 * reads that settings file, so the commands of the docs run verbatim.
 */
final class StagedRepository {
    /** The published Portico modules with a jar; each is built in the folder of its artifact id. */
    private static final List<String> JAR_MODULES = List.of(
            "portico-core",
            "portico-data",
            "portico-auth",
            "portico-admin",
            "portico-redis",
            "portico-cli",
            "portico-client-gen",
            "portico-test");

    private final Path home;
    private final Path repository;

    private StagedRepository(Path home) {
        this.home = home;
        this.repository = home.resolve("repository");
    }

    /**
     * Stages the artifacts of {@code version} from the reactor at {@code root} (each module's {@code pom.xml} and
     * {@code target/<artifact>-<version>.jar}) and writes the settings; returns the home to pass as
     * {@code -Duser.home}.
     */
    static StagedRepository create(Path root, String version, Path home, Path userRepository) throws IOException {
        StagedRepository staged = new StagedRepository(home);
        staged.stage("portico-parent", version, root.resolve("pom.xml"), null);
        staged.stage("portico-bom", version, root.resolve("portico-bom/pom.xml"), null);
        for (String module : JAR_MODULES) {
            staged.stage(
                    module,
                    version,
                    root.resolve(module).resolve("pom.xml"),
                    root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar"));
        }
        staged.stage(
                "portico-archetype",
                version,
                root.resolve("portico-archetype/pom.xml"),
                root.resolve("portico-archetype/target/portico-archetype-" + version + ".jar"));
        staged.writeSettings(userRepository);
        return staged;
    }

    /** The folder to start a nested Maven in with {@code -Duser.home}. */
    Path home() {
        return home;
    }

    private void stage(String artifactId, String version, Path pom, Path jar) throws IOException {
        Path dir = repository.resolve("dev/portico").resolve(artifactId).resolve(version);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifactId + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: package the modules in the same build, e.g. "
                        + "mvn -B verify -pl portico-archetype -am");
            }
            Files.copy(jar, dir.resolve(artifactId + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void writeSettings(Path userRepository) {
        String url = userRepository.toUri().toString();
        String repo = """
                  <id>user-repository</id>
                  <url>%s</url>
                  <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
                  <snapshots><enabled>false</enabled></snapshots>
            """.formatted(url);
        String settings = """
            <settings>
              <localRepository>%s</localRepository>
              <profiles>
                <profile>
                  <id>user-repository</id>
                  <properties>
                    <!-- the archetype is found by its coordinates: no need to fetch Central's catalog -->
                    <archetypeCatalog>internal</archetypeCatalog>
                  </properties>
                  <repositories><repository>
            %s      </repository></repositories>
                  <pluginRepositories><pluginRepository>
            %s      </pluginRepository></pluginRepositories>
                </profile>
              </profiles>
              <activeProfiles><activeProfile>user-repository</activeProfile></activeProfiles>
            </settings>
            """.formatted(repository, repo, repo);
        try {
            Files.createDirectories(home.resolve(".m2"));
            Files.writeString(home.resolve(".m2/settings.xml"), settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
