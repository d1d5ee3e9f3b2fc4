#!/bin/sh
# Runs once, when the postgres container initialises an empty volume: the platform's role owns its database and
# nothing else (no superuser, may not create roles or databases). The superuser stays with the container.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v app_password="$CCBILLING_DB_PASSWORD" <<'SQL'
create role ccbilling login nosuperuser nocreatedb nocreaterole noreplication password :'app_password';
create database ccbilling owner ccbilling;
SQL
