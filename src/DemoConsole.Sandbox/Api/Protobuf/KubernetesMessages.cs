using static DemoConsole.Sandbox.Api.Protobuf.ProtoMessage;

namespace DemoConsole.Sandbox.Api.Protobuf;

/// <summary>
/// The Kubernetes messages the sandbox reads from protobuf bodies, with the field numbers of the official
/// generated.proto files (k8s.io/api core/v1 and apps/v1, k8s.io/apimachinery meta/v1). Field numbers never change
/// once published, so this table holds for every version. What kubectl's create generators send is all here; deep
/// parts no generator writes (volumes, affinity, security contexts) are skipped like unknown fields.
/// Declared leaves first: static fields initialize in textual order.
/// </summary>
internal static class KubernetesMessages
{
    // k8s.io.apimachinery.pkg.apis.meta.v1
    public static readonly ProtoMessage OwnerReference = new("OwnerReference",
        Str(1, "kind"), Str(3, "name"), Str(4, "uid"), Str(5, "apiVersion"), Bool(6, "controller", true), Bool(7, "blockOwnerDeletion", true));

    public static readonly ProtoMessage ObjectMeta = new("ObjectMeta",
        Str(1, "name"), Str(2, "generateName"), Str(3, "namespace"), Str(4, "selfLink"), Str(5, "uid"), Str(6, "resourceVersion"),
        Long(7, "generation"), Of(8, "creationTimestamp", ProtoKind.Time), Of(9, "deletionTimestamp", ProtoKind.Time),
        Long(10, "deletionGracePeriodSeconds", true), Of(11, "labels", ProtoKind.StringMap), Of(12, "annotations", ProtoKind.StringMap),
        Msgs(13, "ownerReferences", OwnerReference), Strs(14, "finalizers"));

    public static readonly ProtoMessage LabelSelectorRequirement = new("LabelSelectorRequirement", Str(1, "key"), Str(2, "operator"), Strs(3, "values"));

    public static readonly ProtoMessage LabelSelector = new("LabelSelector",
        Of(1, "matchLabels", ProtoKind.StringMap), Msgs(2, "matchExpressions", LabelSelectorRequirement));

    // k8s.io.api.core.v1: references and small parts
    public static readonly ProtoMessage LocalObjectReference = new("LocalObjectReference", Str(1, "name"));

    public static readonly ProtoMessage ObjectReference = new("ObjectReference",
        Str(1, "kind"), Str(2, "namespace"), Str(3, "name"), Str(4, "uid"), Str(5, "apiVersion"), Str(6, "resourceVersion"), Str(7, "fieldPath"));

    public static readonly ProtoMessage KeySelector = new("KeySelector", Inlined(1, LocalObjectReference), Str(2, "key"), Bool(3, "optional", true));

    public static readonly ProtoMessage ObjectFieldSelector = new("ObjectFieldSelector", Str(1, "apiVersion"), Str(2, "fieldPath"));

    public static readonly ProtoMessage ResourceFieldSelector = new("ResourceFieldSelector",
        Str(1, "containerName"), Str(2, "resource"), Of(3, "divisor", ProtoKind.Quantity));

    public static readonly ProtoMessage EnvVarSource = new("EnvVarSource",
        Msg(1, "fieldRef", ObjectFieldSelector), Msg(2, "resourceFieldRef", ResourceFieldSelector),
        Msg(3, "configMapKeyRef", KeySelector), Msg(4, "secretKeyRef", KeySelector));

    public static readonly ProtoMessage EnvVar = new("EnvVar", Str(1, "name"), Str(2, "value"), Msg(3, "valueFrom", EnvVarSource));

    public static readonly ProtoMessage EnvSource = new("EnvSource", Inlined(1, LocalObjectReference), Bool(2, "optional", true));

    public static readonly ProtoMessage EnvFromSource = new("EnvFromSource", Str(1, "prefix"), Msg(2, "configMapRef", EnvSource), Msg(3, "secretRef", EnvSource));

    public static readonly ProtoMessage ContainerPort = new("ContainerPort",
        Str(1, "name"), Int(2, "hostPort"), Int(3, "containerPort", true), Str(4, "protocol"), Str(5, "hostIP"));

    public static readonly ProtoMessage ResourceRequirements = new("ResourceRequirements",
        Of(1, "limits", ProtoKind.QuantityMap), Of(2, "requests", ProtoKind.QuantityMap));

    public static readonly ProtoMessage VolumeMount = new("VolumeMount",
        Str(1, "name"), Bool(2, "readOnly"), Str(3, "mountPath"), Str(4, "subPath"), Str(5, "mountPropagation"), Str(6, "subPathExpr"));

    public static readonly ProtoMessage ExecAction = new("ExecAction", Strs(1, "command"));

    public static readonly ProtoMessage HttpHeader = new("HTTPHeader", Str(1, "name"), Str(2, "value"));

    public static readonly ProtoMessage HttpGetAction = new("HTTPGetAction",
        Str(1, "path"), Of(2, "port", ProtoKind.IntOrString), Str(3, "host"), Str(4, "scheme"), Msgs(5, "httpHeaders", HttpHeader));

    public static readonly ProtoMessage TcpSocketAction = new("TCPSocketAction", Of(1, "port", ProtoKind.IntOrString), Str(2, "host"));

    public static readonly ProtoMessage ProbeHandler = new("ProbeHandler",
        Msg(1, "exec", ExecAction), Msg(2, "httpGet", HttpGetAction), Msg(3, "tcpSocket", TcpSocketAction));

    public static readonly ProtoMessage Probe = new("Probe",
        Inlined(1, ProbeHandler), Int(2, "initialDelaySeconds"), Int(3, "timeoutSeconds"), Int(4, "periodSeconds"),
        Int(5, "successThreshold"), Int(6, "failureThreshold"), Long(7, "terminationGracePeriodSeconds", true));

    public static readonly ProtoMessage Container = new("Container",
        Str(1, "name"), Str(2, "image"), Strs(3, "command"), Strs(4, "args"), Str(5, "workingDir"), Msgs(6, "ports", ContainerPort),
        Msgs(7, "env", EnvVar), Msg(8, "resources", ResourceRequirements), Msgs(9, "volumeMounts", VolumeMount),
        Msg(10, "livenessProbe", Probe), Msg(11, "readinessProbe", Probe), Str(13, "terminationMessagePath"), Str(14, "imagePullPolicy"),
        Bool(16, "stdin"), Bool(17, "stdinOnce"), Bool(18, "tty"), Msgs(19, "envFrom", EnvFromSource), Str(20, "terminationMessagePolicy"),
        Msg(22, "startupProbe", Probe));

    public static readonly ProtoMessage Toleration = new("Toleration",
        Str(1, "key"), Str(2, "operator"), Str(3, "value"), Str(4, "effect"), Long(5, "tolerationSeconds", true));

    public static readonly ProtoMessage PodSpec = new("PodSpec",
        Msgs(2, "containers", Container), Str(3, "restartPolicy"), Long(4, "terminationGracePeriodSeconds", true),
        Long(5, "activeDeadlineSeconds", true), Str(6, "dnsPolicy"), Of(7, "nodeSelector", ProtoKind.StringMap), Str(8, "serviceAccountName"),
        Str(9, "serviceAccount"), Str(10, "nodeName"), Bool(11, "hostNetwork"), Bool(12, "hostPID"), Bool(13, "hostIPC"),
        Msgs(15, "imagePullSecrets", LocalObjectReference), Str(16, "hostname"), Str(17, "subdomain"), Str(19, "schedulerName"),
        Msgs(20, "initContainers", Container), Bool(21, "automountServiceAccountToken", true), Msgs(22, "tolerations", Toleration),
        Str(24, "priorityClassName"), Int(25, "priority", true), Bool(27, "shareProcessNamespace", true), Str(29, "runtimeClassName", true),
        Bool(30, "enableServiceLinks", true), Str(31, "preemptionPolicy", true));

    public static readonly ProtoMessage PodTemplateSpec = new("PodTemplateSpec", Msg(1, "metadata", ObjectMeta), Msg(2, "spec", PodSpec));

    // Kinds kubectl create sends.
    public static readonly ProtoMessage NamespaceSpec = new("NamespaceSpec", Strs(1, "finalizers"));

    public static readonly ProtoMessage NamespaceStatus = new("NamespaceStatus", Str(1, "phase"));

    public static readonly ProtoMessage Namespace = new("Namespace", Msg(1, "metadata", ObjectMeta), Msg(2, "spec", NamespaceSpec), Msg(3, "status", NamespaceStatus));

    public static readonly ProtoMessage ConfigMap = new("ConfigMap",
        Msg(1, "metadata", ObjectMeta), Of(2, "data", ProtoKind.StringMap), Of(3, "binaryData", ProtoKind.BytesMap), Bool(4, "immutable", true));

    public static readonly ProtoMessage Secret = new("Secret",
        Msg(1, "metadata", ObjectMeta), Of(2, "data", ProtoKind.BytesMap), Str(3, "type"), Of(4, "stringData", ProtoKind.StringMap), Bool(5, "immutable", true));

    public static readonly ProtoMessage ServiceAccount = new("ServiceAccount",
        Msg(1, "metadata", ObjectMeta), Msgs(2, "secrets", ObjectReference), Msgs(3, "imagePullSecrets", LocalObjectReference),
        Bool(4, "automountServiceAccountToken", true));

    public static readonly ProtoMessage ServicePort = new("ServicePort",
        Str(1, "name"), Str(2, "protocol"), Int(3, "port", true), Of(4, "targetPort", ProtoKind.IntOrString), Int(5, "nodePort"), Str(6, "appProtocol", true));

    public static readonly ProtoMessage ServiceSpec = new("ServiceSpec",
        Msgs(1, "ports", ServicePort), Of(2, "selector", ProtoKind.StringMap), Str(3, "clusterIP"), Str(4, "type"), Strs(5, "externalIPs"),
        Str(7, "sessionAffinity"), Str(8, "loadBalancerIP"), Strs(9, "loadBalancerSourceRanges"), Str(10, "externalName"),
        Str(11, "externalTrafficPolicy"), Int(12, "healthCheckNodePort"), Bool(13, "publishNotReadyAddresses"), Str(17, "ipFamilyPolicy", true),
        Strs(18, "clusterIPs"), Strs(19, "ipFamilies"), Bool(20, "allocateLoadBalancerNodePorts", true), Str(21, "loadBalancerClass", true),
        Str(22, "internalTrafficPolicy", true));

    public static readonly ProtoMessage LoadBalancerStatus = new("LoadBalancerStatus");

    public static readonly ProtoMessage ServiceStatus = new("ServiceStatus", Msg(1, "loadBalancer", LoadBalancerStatus));

    public static readonly ProtoMessage Service = new("Service", Msg(1, "metadata", ObjectMeta), Msg(2, "spec", ServiceSpec), Msg(3, "status", ServiceStatus));

    // k8s.io.api.apps.v1
    public static readonly ProtoMessage RollingUpdateDeployment = new("RollingUpdateDeployment",
        Of(1, "maxUnavailable", ProtoKind.IntOrString), Of(2, "maxSurge", ProtoKind.IntOrString));

    public static readonly ProtoMessage DeploymentStrategy = new("DeploymentStrategy", Str(1, "type"), Msg(2, "rollingUpdate", RollingUpdateDeployment));

    public static readonly ProtoMessage DeploymentSpec = new("DeploymentSpec",
        Int(1, "replicas", true), Msg(2, "selector", LabelSelector), Msg(3, "template", PodTemplateSpec), Msg(4, "strategy", DeploymentStrategy),
        Int(5, "minReadySeconds"), Int(6, "revisionHistoryLimit", true), Bool(7, "paused"), Int(9, "progressDeadlineSeconds", true));

    /// <summary>Status is the server's to write; a client's is read as empty, as kube-apiserver ignores it on create.</summary>
    public static readonly ProtoMessage DeploymentStatus = new("DeploymentStatus");

    public static readonly ProtoMessage Deployment = new("Deployment",
        Msg(1, "metadata", ObjectMeta), Msg(2, "spec", DeploymentSpec), Msg(3, "status", DeploymentStatus));

    // k8s.io.api.rbac.v1
    public static readonly ProtoMessage PolicyRule = new("PolicyRule",
        Strs(1, "verbs"), Strs(2, "apiGroups"), Strs(3, "resources"), Strs(4, "resourceNames"), Strs(5, "nonResourceURLs"));

    public static readonly ProtoMessage AggregationRule = new("AggregationRule", Msgs(1, "clusterRoleSelectors", LabelSelector));

    public static readonly ProtoMessage Subject = new("Subject", Str(1, "kind"), Str(2, "apiGroup"), Str(3, "name"), Str(4, "namespace"));

    public static readonly ProtoMessage RoleRef = new("RoleRef", Str(1, "apiGroup"), Str(2, "kind"), Str(3, "name"));

    public static readonly ProtoMessage Role = new("Role", Msg(1, "metadata", ObjectMeta), Msgs(2, "rules", PolicyRule));

    public static readonly ProtoMessage ClusterRole = new("ClusterRole",
        Msg(1, "metadata", ObjectMeta), Msgs(2, "rules", PolicyRule), Msg(3, "aggregationRule", AggregationRule));

    public static readonly ProtoMessage RoleBinding = new("RoleBinding", Msg(1, "metadata", ObjectMeta), Msgs(2, "subjects", Subject), Msg(3, "roleRef", RoleRef));

    public static readonly ProtoMessage ClusterRoleBinding = new("ClusterRoleBinding",
        Msg(1, "metadata", ObjectMeta), Msgs(2, "subjects", Subject), Msg(3, "roleRef", RoleRef));

    // k8s.io.api.authentication.v1 and authorization.v1: the requests kubectl create token and kubectl auth can-i send
    public static readonly ProtoMessage BoundObjectReference = new("BoundObjectReference",
        Str(1, "kind"), Str(2, "apiVersion"), Str(3, "name"), Str(4, "uid"));

    public static readonly ProtoMessage TokenRequestSpec = new("TokenRequestSpec",
        Strs(1, "audiences"), Msg(3, "boundObjectRef", BoundObjectReference), Long(4, "expirationSeconds", true));

    public static readonly ProtoMessage TokenRequest = new("TokenRequest", Msg(1, "metadata", ObjectMeta), Msg(2, "spec", TokenRequestSpec));

    public static readonly ProtoMessage ResourceAttributes = new("ResourceAttributes",
        Str(1, "namespace"), Str(2, "verb"), Str(3, "group"), Str(4, "version"), Str(5, "resource"), Str(6, "subresource"), Str(7, "name"));

    public static readonly ProtoMessage NonResourceAttributes = new("NonResourceAttributes", Str(1, "path"), Str(2, "verb"));

    public static readonly ProtoMessage SelfSubjectAccessReviewSpec = new("SelfSubjectAccessReviewSpec",
        Msg(1, "resourceAttributes", ResourceAttributes), Msg(2, "nonResourceAttributes", NonResourceAttributes));

    public static readonly ProtoMessage SelfSubjectAccessReview = new("SelfSubjectAccessReview",
        Msg(1, "metadata", ObjectMeta), Msg(2, "spec", SelfSubjectAccessReviewSpec));

    /// <summary>The kinds whose protobuf bodies the sandbox reads, by apiVersion and kind.</summary>
    public static readonly IReadOnlyDictionary<(string ApiVersion, string Kind), ProtoMessage> ByKind = new Dictionary<(string, string), ProtoMessage>
    {
        [("v1", "Namespace")] = Namespace,
        [("v1", "ConfigMap")] = ConfigMap,
        [("v1", "Secret")] = Secret,
        [("v1", "Service")] = Service,
        [("v1", "ServiceAccount")] = ServiceAccount,
        [("apps/v1", "Deployment")] = Deployment,
        [("rbac.authorization.k8s.io/v1", "Role")] = Role,
        [("rbac.authorization.k8s.io/v1", "ClusterRole")] = ClusterRole,
        [("rbac.authorization.k8s.io/v1", "RoleBinding")] = RoleBinding,
        [("rbac.authorization.k8s.io/v1", "ClusterRoleBinding")] = ClusterRoleBinding,
        [("authentication.k8s.io/v1", "TokenRequest")] = TokenRequest,
        [("authorization.k8s.io/v1", "SelfSubjectAccessReview")] = SelfSubjectAccessReview,
    };
}
