package io.fleetsync.apply;

import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.ApplyMode;
import io.fleetsync.cluster.ObjectStore;
import io.fleetsync.cluster.Stopping;
import io.fleetsync.cluster.WriteMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A fake {@link ObjectStore} for apply's decisions: objects by path, every request recorded as {@code VERB path},
 * and a failure to answer with per path. Simpler than a server where the question is "what did apply decide to
 * send", not "what does the server do with it".
 */
final class RecordingStore implements ObjectStore {
    final Map<String, Map<String, Object>> objects = new HashMap<>();
    final Map<String, ApiException> failures = new HashMap<>();
    final List<String> requests = new ArrayList<>();

    private void fail(String path) {
        var e = failures.get(path);
        if (e != null) {
            throw e;
        }
    }

    @Override
    public synchronized Map<String, Object> get(String path) {
        requests.add("GET " + path);
        fail(path);
        return objects.get(path);
    }

    @Override
    public Map<String, Object> getWithAccept(String path, String accept) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized List<Map<String, Object>> list(String collectionPath, String labelSelector) {
        requests.add("LIST " + collectionPath);
        fail(collectionPath);
        return objects.entrySet().stream().filter(e -> e.getKey().startsWith(collectionPath + "/"))
                .map(Map.Entry::getValue).toList();
    }

    @Override
    public List<Map<String, Object>> listMetadata(String collectionPath) {
        return list(collectionPath, null);
    }

    @Override
    public synchronized Map<String, Object> apply(String objectPath, Map<String, Object> body, ApplyMode mode) {
        requests.add("APPLY " + objectPath + (mode.write().dryRun() ? " dry-run" : "") + (mode.force() ? " force" : ""));
        fail(objectPath);
        if (!mode.write().dryRun()) {
            objects.put(objectPath, body);
        }
        return body;
    }

    @Override
    public synchronized Map<String, Object> mergePatch(String objectPath, Map<String, Object> patch,
                                                       String fieldManager) {
        requests.add("PATCH " + objectPath);
        fail(objectPath);
        return objects.get(objectPath);
    }

    @Override
    public synchronized boolean delete(String objectPath, String uid, WriteMode mode) {
        requests.add("DELETE " + objectPath + (mode.dryRun() ? " dry-run" : ""));
        fail(objectPath);
        return (mode.dryRun() ? objects.get(objectPath) : objects.remove(objectPath)) != null;
    }

    @Override
    public boolean awaitObject(String collectionPath, String name, String resourceVersion, Duration maxWait,
                               Predicate<Map<String, Object>> condition, Stopping stopping) {
        requests.add("WATCH " + collectionPath + "/" + name);
        var o = objects.get(collectionPath + "/" + name);
        return o != null && condition.test(o);
    }
}
