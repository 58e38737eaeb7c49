#!/usr/bin/env bash
# SupportBot's one test command (README, "Test"). It installs what the tests need that the machine
# lacks, fails loudly when it cannot, builds everything in Release and runs every test project.
# Ends with a line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK ('dotnet') is required and was not found on PATH." >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The VADER faithfulness tests (tests/Core.Tests/Sentiment/Vader) score every corpus sentence with the
# reference npm package vader-sentiment 1.1.3 too (PROTOCOLS.md §9); install it from the lockfile.
for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "test.sh: Node.js ('$tool') is required for the VADER reference scores and was not found on PATH." >&2
    exit 1
  fi
done
(cd tests/Core.Tests/Sentiment/Vader/reference && npm ci --ignore-scripts --no-audit --no-fund)
# The Direct Line client tests (tests/Bot.Tests/DirectLine) run the official botframework-directlinejs
# client under Node against the server (PROTOCOLS.md §1); install it from the lockfile.
(cd tests/Bot.Tests/DirectLine/client && npm ci --ignore-scripts --no-audit --no-fund)
# The chat page (bot/wwwroot) serves the official Web Chat bundle, botframework-webchat 4.18.1; the bot's build
# copies webchat/node_modules/botframework-webchat/dist/webchat.js into the site and fails without it.
(cd webchat && npm ci --ignore-scripts --no-audit --no-fund)
# The Teams tests (tests/Bot.Tests/Teams) render the handoff card with the official Adaptive Cards renderer
# (adaptivecards, with markdown-it) in Chromium and check the app manifest against Microsoft's Teams schema
# (@microsoft/app-manifest, with ajv); install them from the lockfile.
(cd tests/Bot.Tests/Teams/cards && npm ci --ignore-scripts --no-audit --no-fund)

# The browser tests (tests/Bot.Tests/WebChat) drive Debian's Chromium at /usr/bin/chromium through Playwright's
# bundled driver; no browser is ever downloaded (never 'playwright install').
if ! command -v chromium >/dev/null; then
  if ! { apt-get update && apt-get install -y chromium; }; then
    echo "test.sh: could not install Debian's chromium (apt-get install -y chromium), which the browser tests need." >&2
    exit 1
  fi
fi

# The email tests (tests/Bot.Tests/Email) run a real Postfix and Dovecot, started by the tests themselves with their
# own configuration under a temporary directory (never /etc/postfix or /etc/dovecot, no systemd). Install the Debian
# packages when missing; Postfix's "No configuration" choice keeps the package from setting up the system's mail.
if [ ! -x /usr/sbin/postfix ] || [ ! -x /usr/sbin/dovecot ] || [ ! -e /usr/lib/dovecot/imap ] || [ ! -e /usr/lib/dovecot/lmtp ]; then
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postfix dovecot-imapd dovecot-lmtpd; }; then
    echo "test.sh: could not install postfix, dovecot-imapd and dovecot-lmtpd, which the email tests need." >&2
    exit 1
  fi
fi

dotnet build SupportBot.sln -c Release -nologo -v quiet

log=$(mktemp)
status=0
dotnet test SupportBot.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 69, Skipped: 0, ...").
awk '
  /(Passed|Failed)! +- +Failed: / {
    gsub(",", "")
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") failed += $(i + 1)
      if ($i == "Passed:") passed += $(i + 1)
      if ($i == "Skipped:") skipped += $(i + 1)
    }
    assemblies++
  }
  END {
    if (assemblies == 0) { print "test.sh: no test results found" > "/dev/stderr"; exit 1 }
    printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped
  }' "$log" || status=1
rm -f "$log"
exit "$status"
