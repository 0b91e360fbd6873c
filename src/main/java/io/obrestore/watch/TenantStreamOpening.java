package io.obrestore.watch;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Opens a tenant stream before its resource method runs: the stream's place (caps), then the tenant's current state
 * (its overview: one statement, or none for a tenant already watched). Quarkus REST writes an SSE response's head
 * before it subscribes to the returned Multi, so whatever can fail must fail here, where a failure is still answered
 * with status and envelope (the exception mappers) and no stream. The opened stream waits in the routing context for
 * {@link TenantStreamResource}; its place and watch are given back once, when the stream ends or the connection does
 * (whichever comes first, even if Quarkus REST never subscribed).
 */
public class TenantStreamOpening {

    /** Marks the resource method this filter opens streams for. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    public @interface Opens {
    }

    private static final String OPENED = "obrestore.watch.opened";

    private final TenantStreams streams;
    private final StreamLimits limits;

    public TenantStreamOpening(TenantStreams streams, StreamLimits limits) {
        this.streams = streams;
        this.limits = limits;
    }

    /** After authentication (a refused client costs no statement). */
    @ServerRequestFilter
    @Opens
    public Uni<Void> open(ContainerRequestContext request, RoutingContext routing) {
        // Percent-decoded, as the overview's @RestPath: rt-4_x~y%2Bz%231 is rt-4_x~y+z#1.
        String name = request.getUriInfo().getPathParameters().getFirst("name");
        StreamLimits.Permit permit = limits.admit(routing);
        return streams.open(name)
                .onFailure().invoke(permit::release)
                .invoke(opened -> {
                    // The tenant is let go once, when the stream ends or the response does (the permit goes then too).
                    Runnable release = once(opened.release());
                    routing.addEndHandler(ended -> release.run());
                    routing.put(OPENED, new TenantStreams.Opened(opened.events(), release));
                })
                .replaceWithVoid();
    }

    /** The stream this filter opened for the request. */
    static TenantStreams.Opened opened(RoutingContext routing) {
        TenantStreams.Opened opened = routing.get(OPENED);
        if (opened == null) {
            throw new IllegalStateException("the tenant stream was not opened by its filter");
        }
        return opened;
    }

    /** {@code action}, run at most once however often it is called. */
    private static Runnable once(Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        };
    }
}
