package io.fleetsync.kubeconfig;

/** A kubeconfig user's {@code exec} entry cannot be run as written; the message names the file, the user and the field. */
public final class InvalidExecEntry extends RuntimeException {
    InvalidExecEntry(String message) {
        super(message);
    }
}
