package io.fleetsync.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A base for fake {@link ObjectStore}s that answer only the requests a test expects: every method it does not
 * override fails the test with the request it was not meant to send.
 */
public abstract class UnexpectedRequests implements ObjectStore {

    private static UnsupportedOperationException unexpected(String request) {
        return new UnsupportedOperationException("unexpected request: " + request);
    }

    @Override
    public Map<String, Object> get(String path) {
        throw unexpected("GET " + path);
    }

    @Override
    public Map<String, Object> getWithAccept(String path, String accept) {
        throw unexpected("GET " + path + " (" + accept + ")");
    }

    @Override
    public List<Map<String, Object>> list(String collectionPath, String labelSelector) {
        throw unexpected("LIST " + collectionPath);
    }

    @Override
    public List<Map<String, Object>> listMetadata(String collectionPath) {
        throw unexpected("LIST " + collectionPath + " (metadata)");
    }

    @Override
    public Map<String, Object> apply(String objectPath, Map<String, Object> body, ApplyMode mode) {
        throw unexpected("APPLY " + objectPath);
    }

    @Override
    public Map<String, Object> mergePatch(String objectPath, Map<String, Object> patch, String fieldManager) {
        throw unexpected("PATCH " + objectPath);
    }

    @Override
    public boolean delete(String objectPath, String uid, WriteMode mode) {
        throw unexpected("DELETE " + objectPath);
    }

    @Override
    public boolean awaitObject(String collectionPath, String name, String resourceVersion, Duration maxWait,
                               Predicate<Map<String, Object>> condition, Stopping stopping) {
        throw unexpected("WATCH " + collectionPath + "/" + name);
    }
}
