package io.obrestore.watch;

import io.obrestore.support.MariaDbTestResource;
import io.obrestore.support.WatchProfile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The same assertions against the packaged artifact (the native binary with -Dnative). */
@QuarkusIntegrationTest
@TestProfile(WatchProfile.class)
@WithTestResource(MariaDbTestResource.class)
class RestoreWatchIT extends RestoreWatchTest {
}
