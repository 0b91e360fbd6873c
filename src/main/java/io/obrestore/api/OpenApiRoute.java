package io.obrestore.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /q/openapi}: the OpenAPI document the build made from the resources' annotations (smallrye-open-api-maven-plugin
 * in pom.xml), YAML unless {@code ?format=json} or an {@code Accept} of JSON asks otherwise, as Quarkus' own endpoint
 * answers. Served as a file read on first use, so a start does not build the document (docs/performance.md).
 */
@ApplicationScoped
public class OpenApiRoute {

    static final String PATH = "/q/openapi";
    private static final String YAML = "META-INF/openapi/openapi.yaml";
    private static final String JSON = "META-INF/openapi/openapi.json";

    private final Vertx vertx;
    private final Map<String, Future<Buffer>> documents = new ConcurrentHashMap<>();

    public OpenApiRoute(Vertx vertx) {
        this.vertx = vertx;
    }

    void install(@Observes Router router) {
        router.get(PATH).handler(this::serve);
    }

    private void serve(RoutingContext rc) {
        String format = rc.request().getParam("format");
        String accept = rc.request().getHeader(HttpHeaders.ACCEPT);
        boolean json = format != null ? format.equalsIgnoreCase("json")
                : accept != null && accept.contains("application/json") && !accept.contains("yaml");
        String file = json ? JSON : YAML;
        // Read once, off the event loop (a resource of the jar), then kept: the document never changes.
        documents.computeIfAbsent(file, name -> vertx.executeBlocking(() -> read(name))).onComplete(read -> {
            if (read.failed()) {
                documents.remove(file);
                rc.fail(read.cause());
                return;
            }
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE,
                    json ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8").end(read.result());
        });
    }

    private static Buffer read(String name) throws IOException {
        try (InputStream in = OpenApiRoute.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the build");
            }
            return Buffer.buffer(in.readAllBytes());
        }
    }
}
