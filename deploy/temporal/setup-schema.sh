#!/bin/sh
# The temporal-schema job (temporalio/admin-tools, run once per `docker compose up` before the
# server starts): creates Temporal's two databases if they are missing and brings their
# schemas to the version this admin-tools release ships. Every step is idempotent: create
# ignores an existing database, setup-schema only adds the version tables, update-schema
# applies only the versions not yet applied. SQL_PASSWORD comes from the environment.
set -eu
export SQL_PLUGIN=postgres12 SQL_HOST="${SQL_HOST:-postgres}" SQL_PORT="${SQL_PORT:-5432}"
export SQL_USER="${SQL_USER:-temporal}"
for store in temporal:temporal temporal_visibility:visibility; do
  db="${store%%:*}"
  schema="postgresql/v12/${store##*:}"
  echo "temporal-schema: ${db} (${schema})"
  temporal-sql-tool --database "$db" create-database --default-db postgres
  temporal-sql-tool --database "$db" setup-schema --version 0.0
  temporal-sql-tool --database "$db" update-schema --schema-name "$schema"
done
