#!/usr/bin/env bash
# Builds the Teams app package (README, "Teams"): appPackage/manifest.json with the bot's Microsoft app id
# filled in, plus the two icons, zipped flat as Teams expects. Upload the zip in Teams (Apps → Manage your
# apps → Upload an app) and add it to the team whose channel handles handoffs.
#
#   teams/package.sh <microsoft-app-id> [output.zip]      (default output: teams/build/supportbot-teams.zip)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

app_id="${1:-}"
if ! [[ "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
  echo "usage: teams/package.sh <microsoft-app-id> [output.zip]" >&2
  echo "  the app id is the bot's BotFramework:MicrosoftAppId, a GUID such as 00000000-0000-0000-0000-000000000000" >&2
  exit 2
fi
out="${2:-$here/build/supportbot-teams.zip}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac

if ! command -v zip >/dev/null 2>&1; then
  echo "teams/package.sh: 'zip' is required (apt-get install -y zip)." >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed "s/{{MICROSOFT_APP_ID}}/$app_id/g" "$here/appPackage/manifest.json" > "$work/manifest.json"
cp "$here/appPackage/color.png" "$here/appPackage/outline.png" "$work/"

mkdir -p "$(dirname "$out")"
rm -f "$out"
(cd "$work" && zip -q -X "$out" manifest.json color.png outline.png)
echo "$out"
