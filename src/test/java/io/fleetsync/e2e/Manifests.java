package io.fleetsync.e2e;

/** Manifests the end-to-end tests apply; minimal on purpose, so the server's defaults are what fills them in. */
final class Manifests {
    private Manifests() {
    }

    static String namespace(String name) {
        return """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %s
                """.formatted(name);
    }

    /** A Deployment with no replicas, strategy, revisionHistoryLimit, protocol or pull policy. */
    static String deployment(String name, String image) {
        return deployment(name, image, name);
    }

    static String deployment(String name, String image, String selectorValue) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %1$s
                spec:
                  selector:
                    matchLabels: {app: %3$s}
                  template:
                    metadata:
                      labels: {app: %3$s}
                    spec:
                      containers:
                        - name: web
                          image: %2$s
                          ports: [{containerPort: 8080}]
                          resources:
                            requests: {cpu: 100m, memory: 64Mi}
                            limits: {cpu: 1000m, memory: 0.125Gi}
                """.formatted(name, image, selectorValue);
    }

    static String configMap(String name, String value) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                data:
                  key: "%s"
                """.formatted(name, value);
    }
}
