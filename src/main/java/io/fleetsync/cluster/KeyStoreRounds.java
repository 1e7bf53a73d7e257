package io.fleetsync.cluster;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Properties;

/**
 * The one process-wide setting fleetsync makes, once, at start-up: one PBKDF2 round for the keys of in-memory PKCS12
 * key stores. Fabric8 turns each client certificate into such a store, and the JDK protects a key in it with 10,000
 * rounds — twice per cluster (store, then read back), a fifth of a no-op plan's CPU at 50 clusters. The store never
 * leaves memory, so one round protects nothing less. It has to be global: the JDK reads only this property (or the
 * security property of the same name), and avoiding it would mean building every client's TLS key managers instead
 * of Fabric8. A value the user set ({@code -Dkeystore.pkcs12.keyPbeIterationCount=…}) wins.
 */
@ApplicationScoped
public class KeyStoreRounds {

    /** The JDK's name for the PBKDF2 rounds that protect a key in a PKCS12 store it writes. */
    static final String PROPERTY = "keystore.pkcs12.keyPbeIterationCount";

    void onStart(@Observes StartupEvent start) {
        apply(System.getProperties());
    }

    /** Sets one round unless the properties already name a count; true when it set it. */
    static boolean apply(Properties properties) {
        return properties.putIfAbsent(PROPERTY, "1") == null;
    }
}
