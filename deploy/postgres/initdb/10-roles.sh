#!/bin/sh
# Run once by the postgres image, as its superuser, when it initialises an empty data
# directory (docker-entrypoint-initdb.d). It makes a role for each party, so that no service
# shares the superuser (whose password stays inside the postgres service):
#   utskrivning  owns the database utskrivning: migrate, api, worker and integration use it;
#   temporal     may create databases (it owns temporal and temporal_visibility, which the
#                temporal-schema job creates), nothing else.
# Neither is a superuser, creates roles or reads the other's databases. The passwords come
# from the environment (UTSKRIVNING_DB_PASSWORD, TEMPORAL_DB_PASSWORD) and reach psql as
# variables, never in a command line.
set -eu
psql --no-psqlrc -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_password="$UTSKRIVNING_DB_PASSWORD" \
  -v temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE utskrivning LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION
  PASSWORD :'app_password';
CREATE DATABASE utskrivning OWNER utskrivning;
REVOKE ALL ON DATABASE utskrivning FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE utskrivning TO utskrivning;

CREATE ROLE temporal LOGIN NOSUPERUSER CREATEDB NOCREATEROLE NOREPLICATION
  PASSWORD :'temporal_password';
SQL
