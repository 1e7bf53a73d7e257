package io.fleetsync.cluster;

import java.util.Map;
import java.util.Optional;

/** The answer to a GET that named the document the client already has ({@code If-None-Match}). */
public sealed interface Revalidated {

    /** The server sent the document: it differs from the one named, or none was named. */
    record Fresh(Map<String, Object> body, Optional<String> etag) implements Revalidated {
    }

    /** 304: the server serves exactly the document the ETag names. */
    record NotModified() implements Revalidated {
    }
}
