#!/usr/bin/env bash
# Adds one migration for each database ENOE runs on (SQLite and PostgreSQL), from the current model.
# Usage: scripts/add-migration.sh NameOfTheChange
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: $0 MigrationName" >&2; exit 2; }
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql; do
    dotnet ef migrations add "$1" --project Enoe.Data --context "${provider}EnoeDbContext" \
        --output-dir "Database/Migrations/$provider"
done
