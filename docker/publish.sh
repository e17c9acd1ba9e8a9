#!/usr/bin/env bash
# The one publish step, used by the Dockerfile and by CI: a framework-dependent Release build of the console.
set -euo pipefail
out="${1:?usage: docker/publish.sh OUTPUT_DIR}"
cd "$(dirname "$0")/.."
dotnet publish src/DemoConsole.Web/DemoConsole.Web.csproj -c Release -o "$out" --nologo
