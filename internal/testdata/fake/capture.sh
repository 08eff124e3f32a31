#!/usr/bin/env bash
# Regenerates the captured fake payloads in this folder.
# Needs node/npm (internal/seamfake/npm installed: `npm ci` there) and curl.
# Usage: bash internal/testdata/fake/capture.sh   (from anywhere in the repo)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"

# Start the fake with a pipe on stdin: closing it stops the fake.
coproc FAKE { exec node "$root/internal/seamfake/npm/start.mjs" 2>/dev/null; }
read -r -t 30 ready <&"${FAKE[0]}"
endpoint="$(node -e 'console.log(JSON.parse(process.argv[1]).endpoint)' "$ready")"
key="$(node -e 'console.log(JSON.parse(process.argv[1]).api_key)' "$ready")"
trap 'exec {FAKE[1]}>&-; wait "$FAKE_PID" || true' EXIT

pretty() { node -e 'const fs=require("fs");process.stdout.write(JSON.stringify(JSON.parse(fs.readFileSync(0,"utf8")),null,2)+"\n")'; }
# get NAME PATH [KEY]     GET with query parameters
get() { curl -sS --max-time 10 "$endpoint$2" -H "Authorization: Bearer ${3:-$key}" | pretty >"$here/$1.json"; }
# post NAME PATH BODY      POST with a JSON body; NAME "-" discards the body
post() {
  local out="$here/$1.json"; [ "$1" = - ] && out=/dev/null
  curl -sS --max-time 10 -X POST "$endpoint$2" -H "Authorization: Bearer $key" \
    -H 'Content-Type: application/json' -d "$3" | pretty >"$out"
}
control() {
  curl -sS --max-time 10 -X POST "$endpoint$1" -H 'Content-Type: application/json' -d "$2" >/dev/null
}

get devices_list '/devices/list'
get devices_get_lock '/devices/get?device_id=august_device_1'
get connected_accounts_list '/connected_accounts/list'

post access_codes_create /access_codes/create \
  '{"device_id":"august_device_1","name":"Guest code","code":"1234"}'
post access_codes_create_time_bound /access_codes/create \
  '{"device_id":"august_device_1","name":"Weekend code","code":"5678","starts_at":"2030-01-04T15:00:00Z","ends_at":"2030-01-06T11:00:00Z"}'
get access_codes_get '/access_codes/get?access_code_id=access_code1'
get access_codes_list '/access_codes/list?device_id=august_device_1'

post locks_unlock_door /locks/unlock_door '{"device_id":"august_device_1"}'
control /_fake/update_action_attempt '{"action_attempt_id":"action_attempt1","status":"success","result":{}}'
get action_attempt_unlock '/action_attempts/get?action_attempt_id=action_attempt1'

# More event types for events/list.
post - /locks/lock_door '{"device_id":"august_device_1"}'
post - /access_codes/update '{"access_code_id":"access_code1","name":"Guest code (renamed)"}'
post - /access_codes/delete '{"access_code_id":"access_code2"}'
get events_list '/events/list?since=2000-01-01T00:00:00Z'

get error_401 '/devices/list' 'seam_apikey_invalid'
post error_invalid_input /access_codes/create '{"name":"no device"}'
get error_not_found '/devices/get?device_id=no_such_device'

echo "captured from $(node -e 'console.log(JSON.parse(process.argv[1]).fake_version)' "$ready")" >&2
