#!/usr/bin/env bash
# Installs Kho as a system service: the jar and its libraries under /opt/kho, the kho command in
# /usr/local/bin, a dedicated system user, /etc/kho for the config, /var/lib/kho for the state,
# and the hardened systemd unit. Run as root from a built source tree (./build package first).
# It changes nothing it does not own: an existing /etc/kho is left as it is.
#   sudo deploy/install.sh            install or upgrade
#   sudo deploy/install.sh --dry-run  print what it would do
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dry=""
[ "${1:-}" = "--dry-run" ] && dry="echo"

[ "$(id -u)" -eq 0 ] || [ -n "$dry" ] || { echo "install.sh: run as root (sudo)" >&2; exit 1; }
[ -f "$here/target/kho.jar" ] || { echo "install.sh: no target/kho.jar: run ./build package first" >&2; exit 1; }

if ! getent passwd kho >/dev/null; then
  $dry useradd --system --home-dir /var/lib/kho --no-create-home --shell /usr/sbin/nologin --user-group kho
fi
$dry install -d -m 0755 /opt/kho /opt/kho/bin /opt/kho/lib
$dry rm -f /opt/kho/lib/*.jar
$dry install -m 0644 "$here/target/kho.jar" /opt/kho/kho.jar
for jar in "$here"/target/lib/*.jar; do
  $dry install -m 0644 "$jar" /opt/kho/lib/
done
$dry install -m 0644 "$here/README.md" "$here/deploy/README.md" /opt/kho/ 2>/dev/null || true
launcher=$(cat <<'SH'
#!/usr/bin/env bash
# The kho command: runs /opt/kho/kho.jar with a Java 25 or newer ($KHO_JAVA, $JAVA_HOME, or java on PATH).
set -eu
# The service's state and config, so that kho status, kho audit verify and kho reload find them
export KHO_STATE_DIR="${KHO_STATE_DIR:-/var/lib/kho/state}"
export KHO_CONFIG="${KHO_CONFIG:-/etc/kho}"
if [ -z "${KHO_STATE_URL:-}" ] && [ -r /etc/kho/kho.env ]; then set -a; . /etc/kho/kho.env; set +a; fi
java="${KHO_JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}"
java="${java:-$(command -v java || true)}"
[ -n "$java" ] || { echo "kho: no java found: install a Java 25 runtime or set KHO_JAVA" >&2; exit 1; }
exec "$java" --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC -XX:CompileThresholdScaling=5 -Djdk.reflect.useNativeAccessorOnly=true "-Xmx${KHO_HEAP:-256m}" -jar /opt/kho/kho.jar "$@"
SH
)
if [ -n "$dry" ]; then
  echo "write /opt/kho/bin/kho and link /usr/local/bin/kho"
else
  printf '%s\n' "$launcher" > /opt/kho/bin/kho
  chmod 0755 /opt/kho/bin/kho
  ln -sf /opt/kho/bin/kho /usr/local/bin/kho
fi

if [ ! -e /etc/kho ]; then
  $dry /opt/kho/bin/kho init /etc/kho
  $dry install -d -m 0700 /etc/kho/secrets
fi
$dry chown -R root:kho /etc/kho
$dry chmod 0750 /etc/kho
$dry install -d -m 0700 -o kho -g kho /var/lib/kho /var/lib/kho/state
$dry install -m 0644 "$here/deploy/kho.service" /etc/systemd/system/kho.service
$dry systemctl daemon-reload
if ! ldconfig -p 2>/dev/null | grep -q 'libargon2\.so\.1'; then
  echo "Recommended: apt-get install libargon2-1 (password key derivation in the system's Argon2, about half the CPU time)"
fi
if ! ldconfig -p 2>/dev/null | grep -q 'libcrypto\.so\.3'; then
  echo "Recommended: apt-get install libssl3 (encryption and hashing in the system's OpenSSL, from the first byte at full speed)"
fi
cat <<MSG
Kho is installed. Next:
  1. edit /etc/kho/catalogue.yaml, then: kho catalogue check --config /etc/kho
  2. put the secrets it names in /etc/kho/secrets (mode 0600) and list them with LoadCredential=
     in /etc/systemd/system/kho.service (systemctl edit kho); add every local target to ReadWritePaths=
  3. systemctl enable --now kho;  journalctl -u kho -f;  sudo -u kho kho status
MSG
