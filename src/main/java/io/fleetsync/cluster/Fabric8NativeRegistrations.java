package io.fleetsync.cluster;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.AuthProviderConfig;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Context;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecEnvVar;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.api.model.NamedExtension;
import io.fabric8.kubernetes.api.model.Preferences;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.utils.OpenIDConnectionUtils;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The Fabric8 types Jackson maps by reflection on fleetsync's paths, for the native executable: the kubeconfig model
 * ({@link io.fleetsync.kubeconfig.Kubeconfigs}), the ExecCredential an exec plugin prints, and the OIDC token refresh. The model jars are
 * kept out of Quarkus' index (application.properties), so the Kubernetes-client extension no longer registers the
 * whole typed model (thousands of classes and their builders, most of the executable's size); these it needs.
 * {@code PackagedConnectionsIT} and {@code PackagedCliIT} exercise each of them against the native executable.
 */
@RegisterForReflection(targets = {
        io.fabric8.kubernetes.api.model.Config.class, NamedCluster.class, Cluster.class, NamedContext.class,
        Context.class, NamedAuthInfo.class, AuthInfo.class, AuthProviderConfig.class, ExecConfig.class,
        ExecEnvVar.class, NamedExtension.class, Preferences.class,
        Config.ExecCredential.class, Config.ExecCredentialSpec.class, Config.ExecCredentialStatus.class,
        OpenIDConnectionUtils.OpenIdConfiguration.class, OpenIDConnectionUtils.OAuthToken.class})
final class Fabric8NativeRegistrations {
    private Fabric8NativeRegistrations() {
    }
}
