# Shared steps of scripts/demo and scripts/test: find Python 3.11, build the virtual
# environment, install Debian packages, start PostgreSQL. Each step does nothing when
# its work is already done, so a second run starts in seconds.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
cd "$ROOT"

say() { printf '\033[1;31m==>\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "需要 root 权限安装系统软件包：$*" >&2; return 1; fi
}

APT_UPDATED=""
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    echo "缺少系统软件包 ${missing[*]}，且本机没有 apt-get，请手动安装。" >&2; return 1
  fi
  say "安装系统软件包：${missing[*]}"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

find_python() {
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      PYTHON="$(command -v "$candidate")"; return 0
    fi
  done
  apt_install python3 python3-venv python3-dev
  PYTHON="$(command -v python3)"
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || {
    echo "govcounsel 需要 Python 3.11（Django 5.2 LTS），本机为 $("$PYTHON" --version)。" >&2; return 1; }
}

# Installs the project into .venv; the stamp keeps a second run from reinstalling.
ensure_venv() {
  local extras="$1"
  find_python
  if [ ! -x "$VENV/bin/python" ]; then
    say "创建虚拟环境 .venv"
    "$PYTHON" -m venv "$VENV" 2>/dev/null || { apt_install python3-venv; "$PYTHON" -m venv "$VENV"; }
  fi
  local stamp="$VENV/.installed-$extras-$(sha256sum pyproject.toml | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    say "安装 Python 依赖（$extras）"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[$extras]"
    rm -f "$VENV"/.installed-* && touch "$stamp"
  fi
  export PATH="$VENV/bin:$PATH"
}

pg_ready() { command -v pg_isready >/dev/null && pg_isready -q -h "$1" -p "$2"; }

# Uses the PostgreSQL at DATABASE_URL; where none answers on this machine, installs and
# starts a local one that trusts connections from 127.0.0.1.
ensure_postgres() {
  local host port
  host="$(python - <<'PY'
import os, urllib.parse
u = urllib.parse.urlparse(os.environ["DATABASE_URL"])
print(u.hostname or "127.0.0.1", u.port or 5432)
PY
)"
  port="${host##* }"; host="${host%% *}"
  pg_ready "$host" "$port" && return 0
  if [ "$host" != "127.0.0.1" ] && [ "$host" != "localhost" ]; then
    echo "无法连接 DATABASE_URL 指定的 PostgreSQL（$host:$port）。" >&2; return 1
  fi
  apt_install postgresql postgresql-client
  local version
  version="$(ls /etc/postgresql | sort -V | tail -n1)"
  local hba="/etc/postgresql/$version/main/pg_hba.conf"
  if ! as_root grep -q "govcounsel-test" "$hba"; then
    say "配置本机 PostgreSQL（仅限 127.0.0.1，免密）"
    as_root sed -i '1i host all all 127.0.0.1/32 trust # govcounsel-test\nhost all all ::1/128 trust # govcounsel-test' "$hba"
  fi
  say "启动 PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null ||
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  for _ in $(seq 30); do pg_ready "$host" "$port" && return 0; sleep 1; done
  echo "PostgreSQL 未能启动。" >&2; return 1
}

# Creates the database named in DATABASE_URL when the server does not have it yet.
ensure_database() {
  python - <<'PY'
import os, urllib.parse
import psycopg
from psycopg import sql
url = urllib.parse.urlparse(os.environ["DATABASE_URL"])
name = url.path.lstrip("/")
admin = url._replace(path="/postgres").geturl()
with psycopg.connect(admin, autocommit=True) as conn:
    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        print(f"created database {name}")
PY
}
