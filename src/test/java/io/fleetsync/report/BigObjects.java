package io.fleetsync.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Objects shaped like the large ones users really prune: CRDs with a deep OpenAPI schema. */
final class BigObjects {

    private BigObjects() {
    }

    /** A CRD whose YAML is about {@code kilobytes} kB: one version, a schema of many described string fields. */
    static Map<String, Object> crd(String plural, String group, int kilobytes, String descriptionTag) {
        var properties = new LinkedHashMap<String, Object>();
        // Each field renders as ~200 bytes of YAML, as in cert-manager's or Crossplane's CRDs.
        for (int i = 0; properties.size() * 200 < kilobytes * 1000; i++) {
            properties.put("field" + i, Map.of("type", "string", "description",
                    "Field " + i + " of the " + plural + " spec (" + descriptionTag + "); set by the controller when "
                            + "the referenced object becomes ready, see the upstream API reference."));
        }
        var schema = Map.of("openAPIV3Schema", Map.of("type", "object", "properties",
                Map.of("spec", Map.of("type", "object", "properties", properties))));
        var crd = new LinkedHashMap<String, Object>();
        crd.put("apiVersion", "apiextensions.k8s.io/v1");
        crd.put("kind", "CustomResourceDefinition");
        crd.put("metadata", Map.of("name", plural + "." + group, "labels",
                Map.of("applyset.kubernetes.io/part-of", "applyset-abc-v1")));
        crd.put("spec", Map.of("group", group, "scope", "Namespaced",
                "names", Map.of("plural", plural, "kind", plural.substring(0, 1).toUpperCase() + plural.substring(1)),
                "versions", List.of(Map.of("name", "v1", "served", true, "storage", true, "schema", schema))));
        return crd;
    }
}
