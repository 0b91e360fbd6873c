package io.obrestore.auth;

import io.obrestore.api.ApiException;
import io.obrestore.api.ErrorCode;
import io.obrestore.config.ServiceConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where header decryption runs ({@code obrestore.auth.rsa-threads}): on the event loop that received the request
 * (0, the default: fastest, and the throttle bounds what a flood can make it do, docs/reliability.md), or on a few
 * threads of its own with a bounded queue (more than 16 headers waiting per thread get 503 at once).
 */
@ApplicationScoped
public class RsaThreads {

    private static final int QUEUE_PER_THREAD = 16;

    private final WorkerExecutor executor;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();

    @Inject
    public RsaThreads(Vertx vertx, ServiceConfig config) {
        int threads = config.auth().rsaThreads();
        this.executor = threads == 0 ? null : vertx.createSharedWorkerExecutor("obrestore-rsa", threads);
        this.maxWaiting = threads * QUEUE_PER_THREAD;
    }

    private RsaThreads() {
        this.executor = null;
        this.maxWaiting = 0;
    }

    /** Decryption on the calling thread (tests, benchmarks). */
    static RsaThreads onCallingThread() {
        return new RsaThreads();
    }

    /** Whether decryption runs on the calling event loop. */
    public boolean inline() {
        return executor == null;
    }

    /** {@code work} on the RSA threads, its outcome back on the caller's Vert.x context. */
    public <T> Uni<T> run(Supplier<T> work) {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return Uni.createFrom().failure(new ApiException(ErrorCode.AUTH_UNAVAILABLE, "too many headers wait to be decrypted"));
        }
        Context caller = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> executor.executeBlocking(work::get, false).onComplete(outcome -> {
            waiting.decrementAndGet();
            Runnable deliver = () -> {
                if (outcome.succeeded()) {
                    emitter.complete(outcome.result());
                } else {
                    emitter.fail(outcome.cause());
                }
            };
            if (caller == null) {
                deliver.run();
            } else {
                caller.runOnContext(ignored -> deliver.run());
            }
        }));
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.close();
        }
    }
}
