#!/usr/bin/env bash
# Starts a published console folder the way the image runs it (configuration from the environment, secrets from files,
# the session and keys in a state folder) and checks that it becomes live and ready, serves the sign-in page, and stops
# cleanly on SIGTERM as the kubelet stops a pod. The image itself cannot be built without a Docker engine; this checks
# what goes into it. Usage: docker/smoke-test.sh PUBLISH_DIR [PORT]
set -euo pipefail
dir="${1:?usage: docker/smoke-test.sh PUBLISH_DIR [PORT]}"
port="${2:-18080}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'smoke-presenter-key-0123456789\n' >"$work/presenter-key"
printf 'smoke-viewer-token-0123456789\n' >"$work/viewer-token"

# Started from another folder than its own (as `dotnet out/DemoConsole.dll` would be): its static files must still be served.
cd "$work"
DemoConsole__Auth__PresenterKeyFile="$work/presenter-key" \
DemoConsole__Auth__ViewerTokenFile="$work/viewer-token" \
DemoConsole__StateFile="$work/state/session.json" \
DemoConsole__Cluster__SandboxApiPort=0 DemoConsole__Cluster__SandboxGatewayPort=0 \
DemoConsole__Cluster__SandboxPrometheusPort=0 DemoConsole__Cluster__SandboxGitHubPort=0 \
  dotnet "$dir/DemoConsole.dll" --urls "http://127.0.0.1:$port" >"$work/console.log" 2>&1 &
pid=$!

ready=""
for _ in $(seq 1 60); do
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then ready=yes; break; fi
  sleep 1
done
if [ -z "$ready" ]; then
  echo "smoke test: the published console did not become ready" >&2
  cat "$work/console.log" >&2
  kill "$pid" 2>/dev/null || true
  exit 1
fi

curl -fsS "http://127.0.0.1:$port/health/live" >/dev/null
signin=$(curl -fsS "http://127.0.0.1:$port/signin")
# The framework script the page names, compressed as a browser asks for it: empty when the content root is wrong.
script=$(printf '%s' "$signin" | grep -o '_framework/blazor\.web[^"]*\.js' | head -1)
bytes=$(curl -fsS -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port/$script")
if [ -z "$script" ] || [ "$bytes" -eq 0 ]; then
  echo "smoke test: the sign-in page's script '$script' was served with $bytes bytes" >&2
  kill "$pid" 2>/dev/null || true
  exit 1
fi
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
if [ "$status" -ne 0 ]; then
  echo "smoke test: the console exited $status on SIGTERM" >&2
  cat "$work/console.log" >&2
  exit 1
fi
test -d "$work/state/keys" || { echo "smoke test: no data-protection keys in the state folder" >&2; exit 1; }
echo "smoke test: published console live, ready, served /signin and its script ($bytes bytes) and stopped cleanly"
