package io.obrestore.api;

import java.time.ZoneId;

/**
 * The zone every time in an answer is shown in (the envelope's {@code timestamp} among them). The api package asks
 * for it through this interface rather than knowing where it comes from (the database session's zone, db/ClusterZone),
 * so api/ depends on no feature package and the database layer may use api/'s errors without an import loop.
 */
public interface DisplayZone {

    /** The zone times are shown in now. */
    ZoneId current();
}
