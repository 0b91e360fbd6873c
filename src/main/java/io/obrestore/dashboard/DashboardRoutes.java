package io.obrestore.dashboard;

import io.obrestore.auth.CredentialVerifier;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The routes around the dashboard's static files ({@code META-INF/resources/dashboard}): {@code /} opens it, and
 * {@code /dashboard/auth.json} tells the page whether to ask for a password, so it never has to provoke a 400 to
 * find out (the envelope of every {@code /api/v1} route tells as much, so this reveals nothing new). The page's
 * security headers are set in application.properties ({@code quarkus.http.filter.dashboard.*}).
 */
@ApplicationScoped
public class DashboardRoutes {

    static final String PAGE = "/dashboard/";

    private final CredentialVerifier credentials;

    public DashboardRoutes(CredentialVerifier credentials) {
        this.credentials = credentials;
    }

    void install(@Observes Router router) {
        router.get("/").handler(rc -> rc.redirect(PAGE));
        // A regex: a plain "/dashboard" route would also match "/dashboard/" and redirect it to itself.
        router.getWithRegex("/dashboard").handler(rc -> rc.redirect(PAGE));
        router.get(PAGE + "auth.json").handler(rc -> rc.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("password_required", credentials.anyPasswordConfigured()).encode()));
    }
}
