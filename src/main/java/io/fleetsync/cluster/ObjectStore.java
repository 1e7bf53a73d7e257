package io.fleetsync.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the planner and the applier need from one cluster, with objects as plain JSON maps: read, list, apply (or dry
 * run), patch, delete, and wait for one object. {@link KubeApi} implements it over HTTP; tests of decisions use a
 * fake. Every method throws {@link ApiException} when the request failed.
 */
public interface ObjectStore {

    /** The field manager fleetsync applies under. */
    String FIELD_MANAGER = "fleetsync";

    /** GET one object; null when it does not exist. */
    Map<String, Object> get(String path);

    /** GET a raw document with a specific Accept header (discovery). */
    Map<String, Object> getWithAccept(String path, String accept);

    /**
     * GET a document unless the server still serves the one {@code etag} names (null: none). A store that does not
     * speak ETags always answers {@link Revalidated.Fresh} without one.
     */
    default Revalidated getUnlessMatch(String path, String accept, String etag) {
        return new Revalidated.Fresh(getWithAccept(path, accept), java.util.Optional.empty());
    }

    /** Lists a collection (all pages), items with apiVersion and kind; {@code labelSelector} may be null. */
    List<Map<String, Object>> list(String collectionPath, String labelSelector);

    /** Lists only the metadata of a collection's objects (names, labels, uid, managedFields). */
    List<Map<String, Object>> listMetadata(String collectionPath);

    /** Server-side apply under fleetsync's field manager; returns the object as the server answered it. */
    Map<String, Object> apply(String objectPath, Map<String, Object> body, ApplyMode mode);

    /** JSON merge patch under a field manager of its own, so it never takes over fields fleetsync applies. */
    Map<String, Object> mergePatch(String objectPath, Map<String, Object> patch, String fieldManager);

    /**
     * Deletes with background propagation, preconditioned on {@code uid} when not null, so an object recreated by
     * someone else in between is never deleted. Returns false when it was already gone.
     */
    boolean delete(String objectPath, String uid, WriteMode mode);

    /**
     * Waits until one object of a collection meets {@code condition}; false when {@code maxWait} passed, the object
     * went away or a stop was requested.
     */
    boolean awaitObject(String collectionPath, String name, String resourceVersion, Duration maxWait,
                        Predicate<Map<String, Object>> condition, Stopping stopping);
}
