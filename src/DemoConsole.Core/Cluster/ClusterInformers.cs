using DemoConsole.Core.Messages;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Cluster;

/// <summary>The informers behind <see cref="ClusterViews"/>: one per resource type and namespace, grouped by type.</summary>
internal sealed class ClusterInformers : IAsyncDisposable
{
    private readonly IClusterConnection _connection;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly InformerOptions _options;
    private readonly Action _changed;
    private readonly List<Action> _starts = [];
    private readonly List<Func<ValueTask>> _disposers = [];
    private readonly List<Func<(ConnectionStatus Status, bool Synced)>> _core = [];
    private readonly List<Func<(ConnectionStatus Status, bool Synced)>> _extra = [];

    public ClusterInformers(ClusterViewsOptions options, IClusterConnection connection, TimeProvider time, ILogger logger, Action changed)
    {
        _connection = connection;
        _time = time;
        _logger = logger;
        _options = options.Informer;
        _changed = changed;
        var namespaces = options.Namespaces;
        Pods = Make(namespaces.Select(ns => ResourceSources.Pods(ns)), _core);
        Deployments = Make(namespaces.Select(ResourceSources.Deployments), _core);
        StatefulSets = Make(namespaces.Select(ResourceSources.StatefulSets), _core);
        Autoscalers = Make(namespaces.Select(ResourceSources.HorizontalPodAutoscalers), _extra);
        NetworkPolicies = Make(namespaces.Select(ResourceSources.NetworkPolicies), _extra);
        PeerAuthentications = Make(namespaces.Select(ResourceSources.PeerAuthentications), _extra);
        Applications = Make(namespaces.Select(ResourceSources.ArgoApplications), _extra);
        AlertRules = Make(namespaces.Select(ResourceSources.PrometheusRules), _extra);
    }

    public IReadOnlyList<ResourceInformer<V1Pod>> Pods { get; }

    public IReadOnlyList<ResourceInformer<V1Deployment>> Deployments { get; }

    public IReadOnlyList<ResourceInformer<V1StatefulSet>> StatefulSets { get; }

    public IReadOnlyList<ResourceInformer<V2HorizontalPodAutoscaler>> Autoscalers { get; }

    public IReadOnlyList<ResourceInformer<V1NetworkPolicy>> NetworkPolicies { get; }

    public IReadOnlyList<ResourceInformer<CustomObject>> PeerAuthentications { get; }

    public IReadOnlyList<ResourceInformer<CustomObject>> Applications { get; }

    public IReadOnlyList<ResourceInformer<CustomObject>> AlertRules { get; }

    public void StartAll()
    {
        foreach (var start in _starts)
        {
            start();
        }
    }

    /// <summary>
    /// The banner (the worst state among pods, deployments and statefulsets) and whether they have all listed once,
    /// from one read of each informer so the two always agree.
    /// </summary>
    public (ConnectionStatus Connection, bool Synced) CoreState()
    {
        var states = _core.Select(c => c()).ToList();
        var statuses = states.Select(s => s.Status).ToList();
        var connection = statuses.FirstOrDefault(s => s.State == ConnectionState.Unavailable)
            ?? statuses.FirstOrDefault(s => s.State == ConnectionState.Reconnecting)
            ?? statuses.FirstOrDefault(s => s.State == ConnectionState.Connecting)
            ?? statuses.MaxBy(s => s.Since)
            ?? ConnectionStatus.Initial(_time.GetUtcNow());
        return (connection, states.All(s => s.Synced));
    }

    /// <summary>Problems of the optional views (a CRD not installed must not turn the banner red).</summary>
    public List<UiMessage> Problems() =>
        _extra.Select(e => e().Status.Problem).OfType<UiMessage>().Distinct().ToList();

    private List<ResourceInformer<T>> Make<T>(IEnumerable<ResourceSource<T>> sources, List<Func<(ConnectionStatus, bool)>> group)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var list = new List<ResourceInformer<T>>();
        foreach (var source in sources)
        {
            var informer = new ResourceInformer<T>(source, _connection, _time, _logger, _options);
            informer.Changed += _ => _changed();
            list.Add(informer);
            _starts.Add(informer.Start);
            _disposers.Add(informer.DisposeAsync);
            group.Add(() => (informer.Current.Status, informer.Current.Synced));
        }

        return list;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dispose in _disposers)
        {
            await dispose();
        }
    }
}
