#!/bin/sh
# The temporal-namespace job (temporalio/admin-tools): waits until the server reports
# SERVING, then registers the namespace the apps use (TEMPORAL_NAMESPACE) if it is not there.
# The server image, unlike the development-only auto-setup image, registers none.
set -eu
address="${TEMPORAL_ADDRESS:-temporal:7233}"
namespace="${TEMPORAL_NAMESPACE:-default}"
tries=0
until temporal operator cluster health --address "$address" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 90 ]; then
    echo "temporal-namespace: the server at $address is not serving after 3 minutes" >&2
    exit 1
  fi
  sleep 2
done
if temporal operator namespace describe --address "$address" --namespace "$namespace" >/dev/null 2>&1; then
  echo "temporal-namespace: $namespace exists"
else
  temporal operator namespace create --address "$address" --namespace "$namespace" \
    --retention "${TEMPORAL_NAMESPACE_RETENTION:-30d}"
fi
