#!/usr/bin/env bash
# Prepares a throw-away Request Tracker 5 instance for the tests (Debian packages
# request-tracker5, rt5-db-sqlite, rt5-standalone): in <dir>, a site configuration for
# 127.0.0.1:<port> and an SQLite database holding RT's initial data, the queue "Switchboard",
# the ticket custom fields "Switchboard Call", "Switchboard Idempotency Key",
# "Switchboard Channel" and "Switchboard Category", and an auth token of the superuser root. Prints the token.
#
# Initialising RT's database and loading RT take about 25 s, so the prepared database is
# kept as a template (SWITCHBOARD_RT_TEMPLATE, default /tmp/switchboard-rt-template-v2-<uid>)
# and copied for every later instance. Start the server afterwards with
#   RT_SITE_CONFIG=<dir>/RT_SiteConfig.pm RT_SITE_CONFIG_DIR=<dir>/site.d \
#     /usr/share/request-tracker5/libexec/rt-server --port <port>
# (test/support/rt/rt-server.ts does both).
set -euo pipefail
dir=${1:?usage: setup-rt.sh <dir> <port>}
port=${2:?usage: setup-rt.sh <dir> <port>}
RT_LIB=/usr/share/request-tracker5/lib
SETUP_DATABASE=/usr/sbin/rt-setup-database-5
if [ ! -d "$RT_LIB" ] || [ ! -x "$SETUP_DATABASE" ]; then
  echo "Request Tracker 5 is not installed (apt-get install request-tracker5 rt5-db-sqlite rt5-standalone)" >&2
  exit 3
fi
# The template's name changes with what it holds (v2: tokens hashed at bcrypt cost 4; v3: the
# category custom field).
template=${SWITCHBOARD_RT_TEMPLATE:-/tmp/switchboard-rt-template-v3-$(id -u)}

write_config() { # <dir> <port>
  mkdir -p "$1/site.d" "$1/var"
  cat > "$1/RT_SiteConfig.pm" <<CONFIG
Set(\$rtname, 'switchboard-test');
Set(\$Organization, 'switchboard.test');
Set(\$WebDomain, '127.0.0.1');
Set(\$WebPort, $2);
Set(\$WebPath, '');
Set(\$WebBaseURL, 'http://127.0.0.1:$2');
Set(\$DatabaseType, 'SQLite');
Set(\$DatabaseName, '$1/var/rt.sqlite');
Set(\$LogToSyslog, undef);
Set(\$LogToSTDERR, 'error');
Set(\$Timezone, 'UTC');
Set(\$MailCommand, 'mbox');
Set(\$LogDir, '$1/var');
# Tokens are checked with bcrypt on every request; RT's default cost (12) takes seconds on a
# busy test machine. A throw-away instance does not need it.
Set(\$BcryptCost, 4);
1;
CONFIG
}

build_template() {
  local work
  work=$(mktemp -d "${template}.build.XXXXXX")
  write_config "$work" 1
  export RT_SITE_CONFIG="$work/RT_SiteConfig.pm" RT_SITE_CONFIG_DIR="$work/site.d"
  "$SETUP_DATABASE" --action init --skip-create >"$work/setup.log" 2>&1 || { cat "$work/setup.log" >&2; exit 1; }
  perl -e '
    use strict; use warnings;
    use lib "'"$RT_LIB"'";
    use RT; RT::LoadConfig(); RT::Init();
    my $queue = RT::Queue->new(RT->SystemUser);
    my ($qid, $qmsg) = $queue->Create(Name => "Switchboard", Description => "Tickets from Switchboard");
    die "queue: $qmsg\n" unless $qid;
    for my $name ("Switchboard Call", "Switchboard Idempotency Key", "Switchboard Channel", "Switchboard Category") {
      my $cf = RT::CustomField->new(RT->SystemUser);
      my ($id, $msg) = $cf->Create(Name => $name, Type => "FreeformSingle", LookupType => "RT::Queue-RT::Ticket");
      die "custom field $name: $msg\n" unless $id;
      my ($ok, $m) = $cf->AddToObject($queue);
      die "custom field $name on the queue: $m\n" unless $ok;
    }
    my $root = RT::User->new(RT->SystemUser);
    $root->Load("root");
    my $token = RT::AuthToken->new(RT->SystemUser);
    my ($id, $msg, $auth) = $token->Create(Owner => $root->Id, Description => "switchboard tests");
    die "token: $msg\n" unless $id;
    print "$auth\n";
  ' >"$work/token" 2>"$work/init.log" || { cat "$work/init.log" >&2; exit 1; }
  mkdir -p "$template"
  cp "$work/var/rt.sqlite" "$template/rt.sqlite.tmp"
  cp "$work/token" "$template/token"
  mv "$template/rt.sqlite.tmp" "$template/rt.sqlite"
  rm -rf "$work"
}

mkdir -p "$(dirname "$template")"
(
  flock 9
  [ -s "$template/rt.sqlite" ] && [ -s "$template/token" ] || build_template
) 9>"${template}.lock"

write_config "$dir" "$port"
cp "$template/rt.sqlite" "$dir/var/rt.sqlite"
cat "$template/token"
