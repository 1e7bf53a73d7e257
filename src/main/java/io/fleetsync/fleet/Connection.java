package io.fleetsync.fleet;

import java.nio.file.Path;

/** How fleetsync reaches a cluster's API server. Credentials are resolved (and checked) at load time. */
public sealed interface Connection {

    /** Skips TLS verification; fleetsync warns whenever this is on. */
    boolean insecureSkipTlsVerify();

    /** A context of a kubeconfig file. */
    record Kubeconfig(Path kubeconfig, String context, boolean insecureSkipTlsVerify) implements Connection {
    }

    /**
     * An API server URL with a bearer token. The token is read when the fleet is loaded; toString never shows it.
     */
    record Token(String server, Secret token, Path caFile, boolean insecureSkipTlsVerify) implements Connection {
    }

    /** A credential value that never prints itself. */
    record Secret(String value) {
        @Override
        public String toString() {
            return "<redacted>";
        }
    }
}
