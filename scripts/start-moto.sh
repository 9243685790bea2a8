#!/usr/bin/env bash
# Starts a moto server (an AWS emulator) on 127.0.0.1 for the integration tests, idempotently.
#
#   scripts/start-moto.sh MOTO_SOURCE [PORT]
#
# MOTO_SOURCE is either an extracted moto source tree (it has moto/server.py) or a bare git
# directory of getmoto/moto, from which release $MOTO_VERSION (default 5.1.22) is exported once.
# Debian's python3 packages provide moto's dependencies; nothing is downloaded but those packages.
# Prints the endpoint to use (export RAMPART_MOTO_ENDPOINT=...) and exits 0 once moto answers.
set -euo pipefail

SRC=${1:?usage: start-moto.sh MOTO_SOURCE [PORT]}
PORT=${2:-5000}
VERSION=${MOTO_VERSION:-5.1.22}
ENDPOINT="http://127.0.0.1:${PORT}"
LOG=${MOTO_LOG:-/tmp/rampart-moto-${PORT}.log}

answers() { curl -fsS -o /dev/null --max-time 2 "${ENDPOINT}/moto-api/" 2>/dev/null; }

if answers; then
  echo "moto already answers on ${ENDPOINT}" >&2
  echo "${ENDPOINT}"
  exit 0
fi

# A bare git directory: export the release once into a cache folder beside it.
if [ ! -f "${SRC}/moto/server.py" ]; then
  if git --git-dir="${SRC}" rev-parse --verify -q "${VERSION}^{commit}" >/dev/null; then
    TREE="${MOTO_TREE:-${TMPDIR:-/tmp}/rampart-moto-${VERSION}}"
    if [ ! -f "${TREE}/moto/server.py" ]; then
      mkdir -p "${TREE}"
      git --git-dir="${SRC}" archive "${VERSION}" | tar -x -C "${TREE}"
    fi
    SRC="${TREE}"
  else
    echo "start-moto.sh: ${SRC} is neither a moto source tree nor a git directory with tag ${VERSION}" >&2
    exit 2
  fi
fi

PKGS=(python3-boto3 python3-botocore python3-cryptography python3-requests python3-xmltodict
  python3-werkzeug python3-responses python3-flask python3-flask-cors python3-yaml python3-jinja2
  python3-dateutil python3-jsonschema python3-pyparsing python3-multipart)
MISSING=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || MISSING+=("$p")
done
if [ ${#MISSING[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${MISSING[@]}" >/dev/null
fi

# Debian's interpreter, not a pyenv shim first on PATH: the packages above are installed for it.
(
  cd "${SRC}"
  MOTO_IAM_LOAD_MANAGED_POLICIES=true PYTHONPATH="${SRC}" nohup /usr/bin/python3 -m moto.server \
    -H 127.0.0.1 -p "${PORT}" >"${LOG}" 2>&1 &
  echo $! >"/tmp/rampart-moto-${PORT}.pid"
)

for _ in $(seq 1 60); do
  if answers; then
    echo "moto ${VERSION} answers on ${ENDPOINT} (pid $(cat "/tmp/rampart-moto-${PORT}.pid"), log ${LOG})" >&2
    echo "${ENDPOINT}"
    exit 0
  fi
  sleep 1
done
echo "start-moto.sh: moto did not answer within 60 s; see ${LOG}" >&2
exit 1
