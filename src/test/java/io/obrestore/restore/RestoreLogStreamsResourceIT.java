package io.obrestore.restore;

import io.obrestore.support.MariaDbTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same assertions against the packaged artifact (the native binary with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(MariaDbTestResource.class)
class RestoreLogStreamsResourceIT extends RestoreLogStreamsResourceTest {
}
