#!/bin/sh
# A generator for the tests: prints a ConfigMap and a Secret named after its first argument. When COUNTER is set
# (an absolute path in the argument list's second place) it appends a line per run, so tests can count runs.
set -eu
name="$1"
if [ "$#" -ge 2 ]; then echo run >> "$2"; fi
echo "generating $name" >&2
cat <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: $name
data:
  cluster: "${FLEETSYNC_CLUSTER_NAME:-unset}"
  region: "${FLEETSYNC_CLUSTER_LABEL_REGION:-unset}"
  kubeconfig: "${KUBECONFIG:-unset}"
  token: "${FLEET_TOKEN:-unset}"
---
apiVersion: v1
kind: Secret
metadata:
  name: $name-credentials
stringData:
  password: generated-hunter2
YAML
