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

    /**
     * A namespaced CRD of one version with a status subresource, the shape operators install: {@code kind} is
     * capitalised, its plural is {@code plural}; {@code specFields} are string fields of the spec.
     */
    static String crdWithStatus(String group, String plural, String kind, String... specFields) {
        var fields = new StringBuilder();
        for (var field : specFields) {
            fields.append('\n').append(" ".repeat(14)).append(field).append(": {type: string}");
        }
        return """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: %1$s.%2$s
                spec:
                  group: %2$s
                  scope: Namespaced
                  names: {plural: %1$s, singular: %3$s, kind: %4$s, listKind: %4$sList}
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    subresources: {status: {}}
                    schema:
                      openAPIV3Schema:
                        type: object
                        properties:
                          spec:
                            type: object
                            properties:%5$s
                          status:
                            type: object
                            x-kubernetes-preserve-unknown-fields: true
                """.formatted(plural, group, kind.toLowerCase(java.util.Locale.ROOT), kind, fields);
    }
}
