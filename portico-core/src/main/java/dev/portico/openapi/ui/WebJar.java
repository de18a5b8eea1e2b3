package dev.portico.openapi.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * A WebJar on the classpath: a Maven artifact that packages a front-end library's files under
 * {@code META-INF/resources/webjars/<name>/<version>/}. The version is read from the artifact's own
 * {@code pom.properties}, so upgrading the dependency needs no change here.
 */
record WebJar(String coordinates, String root) {

    /** Finds the WebJar {@code groupId:artifactId}; fails with the dependency to add when it is missing. */
    static WebJar find(String groupId, String artifactId) {
        String coordinates = groupId + ":" + artifactId;
        String properties = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = loader().getResourceAsStream(properties)) {
            if (in == null) {
                throw new IllegalStateException("the docs pages need the WebJar " + coordinates
                        + " on the classpath; portico-core depends on it, so put it back if it was excluded");
            }
            Properties pom = new Properties();
            pom.load(in);
            return new WebJar(
                    coordinates, "META-INF/resources/webjars/" + artifactId + "/" + pom.getProperty("version") + "/");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + properties, e);
        }
    }

    /** The classpath resource of {@code file} in this WebJar; fails at startup when the file is not there. */
    String resource(String file) {
        String resource = root + file;
        if (loader().getResource(resource) == null) {
            throw new IllegalStateException(
                    "the WebJar " + coordinates + " has no " + file + "; use the version that portico-core declares");
        }
        return resource;
    }

    static ClassLoader loader() {
        return WebJar.class.getClassLoader();
    }
}
