package io.obrestore.restore;

import io.obrestore.support.AuthEnabledProfile;
import io.obrestore.support.MariaDbTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The same assertions against the packaged artifact. */
@QuarkusIntegrationTest
@TestProfile(AuthEnabledProfile.class)
@WithTestResource(MariaDbTestResource.class)
class RestoreLogStreamsAuthIT extends RestoreLogStreamsAuthTest {
}
