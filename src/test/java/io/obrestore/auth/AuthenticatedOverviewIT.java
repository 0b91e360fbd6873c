package io.obrestore.auth;

import io.obrestore.support.AuthEnabledProfile;
import io.obrestore.support.MariaDbTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The same assertions against the packaged artifact (the native binary with -Dnative). */
@QuarkusIntegrationTest
@TestProfile(AuthEnabledProfile.class)
@WithTestResource(MariaDbTestResource.class)
class AuthenticatedOverviewIT extends AuthenticatedOverviewTest {
}
