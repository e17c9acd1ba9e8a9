#!/usr/bin/env bash
# The one publish step, used by the Dockerfile and by CI: a framework-dependent Release build of the console.
# ReadyToRun for this machine's kind (linux-x64 here, linux-arm64 in an arm64 image build): the console's code and
# its libraries' arrive compiled, so neither start-up nor the first time a presenter does something waits for the
# JIT compiler (measured in docs/benchmarks.md, "Published build").
set -euo pipefail
out="${1:?usage: docker/publish.sh OUTPUT_DIR}"
cd "$(dirname "$0")/.."
rid=$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')
dotnet publish src/DemoConsole.Web/DemoConsole.Web.csproj -c Release -r "$rid" --self-contained false \
  -p:PublishReadyToRun=true -o "$out" --nologo
