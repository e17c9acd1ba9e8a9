"""Everyday calls of the official Kubernetes Python client (Debian's python3-kubernetes) against the sandbox.

Usage: client_checks.py KUBECONFIG CHECK. Prints one JSON object; the C# test asserts on it. The client sends its
own spellings (watch=True, limit, label selectors), which is the point: it is a second real client beside kubectl.
"""
import json
import sys

from kubernetes import client, config, watch

NS = "titanium-prod"


def list_with_selector(core, apps):
    pods = core.list_namespaced_pod(NS, label_selector="app.kubernetes.io/name=titanium,app=api-gateway")
    return {"pods": [p.metadata.name for p in pods.items]}


def watch_delete_and_replace(core, apps):
    # Deleting first and then watching from the list's resourceVersion replays every change since, as a real API
    # server does: no race between opening the watch and the delete.
    pods = core.list_namespaced_pod(NS, label_selector="app=blog-service")
    victim = sorted(p.metadata.name for p in pods.items)[0]
    prefix = victim.rsplit("-", 1)[0]
    core.delete_namespaced_pod(victim, NS)
    seen = []
    w = watch.Watch()
    for event in w.stream(core.list_namespaced_pod, NS, resource_version=pods.metadata.resource_version, timeout_seconds=60):
        seen.append([event["type"], event["object"].metadata.name])
        deleted = any(t == "DELETED" and n == victim for t, n in seen)
        replaced = any(t == "ADDED" and n.startswith(prefix) and n != victim for t, n in seen)
        if deleted and replaced:
            w.stop()
    return {"victim": victim, "events": seen}


def logs(core, apps):
    pod = core.list_namespaced_pod(NS, label_selector="app=api-gateway").items[0].metadata.name
    text = core.read_namespaced_pod_log(pod, NS, container="api-gateway-container", tail_lines=3)
    return {"pod": pod, "lines": text.splitlines()}


def patch(core, apps):
    name = "prod-blog-service-deployment"
    apps.patch_namespaced_deployment(name, NS, {"metadata": {"labels": {"rehearsal": "python"}}})
    return {"labels": apps.read_namespaced_deployment(name, NS).metadata.labels}


def scale(core, apps):
    name = "prod-blog-service-deployment"
    apps.patch_namespaced_deployment_scale(name, NS, {"spec": {"replicas": 3}})
    return {"replicas": apps.read_namespaced_deployment_scale(name, NS).spec.replicas}


def paging(core, apps):
    # Pages of two with the client's own continue handling; the whole list is read once to compare.
    everything = [p.metadata.name for p in core.list_pod_for_all_namespaces().items]
    pages, token = [], None
    while True:
        page = core.list_pod_for_all_namespaces(limit=2, _continue=token)
        pages.append([p.metadata.name for p in page.items])
        token = page.metadata._continue
        if not token:
            break
    return {"all": everything, "pages": pages}


def lease_conflict(core, apps):
    # What a leader election does with a Lease: create it, read it, replace it; a second replace from the same read
    # (another replica that raced) must be refused with 409, and a second create of the name too.
    from kubernetes.client.rest import ApiException
    coordination = client.CoordinationV1Api()
    lease = client.V1Lease(
        metadata=client.V1ObjectMeta(name="python-leader", namespace=NS),
        spec=client.V1LeaseSpec(holder_identity="replica-a", lease_duration_seconds=8))
    coordination.create_namespaced_lease(NS, lease)
    read = coordination.read_namespaced_lease("python-leader", NS)
    read.spec.holder_identity = "replica-b"
    replaced = coordination.replace_namespaced_lease("python-leader", NS, read)
    read.spec.holder_identity = "replica-c"
    refusals = {}
    try:
        coordination.replace_namespaced_lease("python-leader", NS, read)
    except ApiException as e:
        refusals["replace"] = {"status": e.status, "reason": e.reason, "body": json.loads(e.body)}
    try:
        coordination.create_namespaced_lease(NS, lease)
    except ApiException as e:
        refusals["create"] = {"status": e.status, "reason": e.reason, "body": json.loads(e.body)}
    listed = coordination.list_namespaced_lease(NS)
    return {
        "stale": read.metadata.resource_version,
        "replaced": replaced.metadata.resource_version,
        "holder": coordination.read_namespaced_lease("python-leader", NS).spec.holder_identity,
        "listed": [item.metadata.name for item in listed.items],
        "refusals": refusals,
    }


CHECKS = {f.__name__: f for f in [list_with_selector, watch_delete_and_replace, logs, patch, scale, paging, lease_conflict]}

if __name__ == "__main__":
    config.load_kube_config(config_file=sys.argv[1])
    result = CHECKS[sys.argv[2]](client.CoreV1Api(), client.AppsV1Api())
    print(json.dumps(result))
