package io.fleetsync.kubeconfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A kubeconfig user's {@code exec} credential plugin, as the kubeconfig states it. Two clusters whose users have equal
 * values share one credential for the run (the plugin runs once for both).
 *
 * @param kubeconfig the file the user comes from (messages; relative commands resolve against its folder)
 * @param user the kubeconfig user's name
 * @param command the program: a bare name is looked up on PATH, a relative path is relative to the kubeconfig's folder
 * @param env variables added to fleetsync's own environment
 * @param clusterInfo the cluster passed in {@code KUBERNETES_EXEC_INFO} when {@code provideClusterInfo} is true; it
 *        makes the credential cluster-specific, so it is part of the identity; null otherwise
 */
public record ExecPlugin(Path kubeconfig, String user, ExecApiVersion apiVersion, String command, List<String> args,
                         Map<String, String> env, InteractiveMode interactiveMode, String installHint,
                         Map<String, Object> clusterInfo) {
    public ExecPlugin {
        args = List.copyOf(args);
        env = Map.copyOf(env);
        clusterInfo = clusterInfo == null ? null : Map.copyOf(clusterInfo);
    }

    /** Names the plugin in messages: the user, its kubeconfig and the command, never an env value. */
    public String describe() {
        return "exec credential plugin '" + command + "' of user '" + user + "' (kubeconfig " + kubeconfig + ")";
    }

    /** The {@code client.authentication.k8s.io} versions of ExecCredential fleetsync speaks (v1alpha1 left in 1.24). */
    public enum ExecApiVersion {
        V1("client.authentication.k8s.io/v1"),
        V1BETA1("client.authentication.k8s.io/v1beta1");

        private final String apiVersion;

        ExecApiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
        }

        public String apiVersion() {
            return apiVersion;
        }
    }

    /** The kubeconfig's {@code interactiveMode}: fleetsync never gives a plugin a terminal (no stdin). */
    public enum InteractiveMode {
        NEVER, IF_AVAILABLE, ALWAYS
    }
}
