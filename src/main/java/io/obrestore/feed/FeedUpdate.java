package io.obrestore.feed;

import io.obrestore.api.ApiException;

/**
 * What one poll of the feed brought: its result, or the failure that kept it from answering (polling goes on).
 *
 * @param poll the poll's result; null when it failed
 * @param failure why it failed; null when it succeeded
 */
public record FeedUpdate(RestoresPoll poll, ApiException failure) {

    /** A successful poll. */
    public static FeedUpdate polled(RestoresPoll poll) {
        return new FeedUpdate(poll, null);
    }

    /** A failed poll. */
    public static FeedUpdate failed(ApiException failure) {
        return new FeedUpdate(null, failure);
    }

    public boolean failed() {
        return failure != null;
    }
}
