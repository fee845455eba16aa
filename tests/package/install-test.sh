#!/usr/bin/env bash
# The Debian package, installed for real (issue 9's proof): dpkg -i onto this machine (CI's
# machine is thrown away afterwards), then
#   - the files are where they belong, the Depends hold no build tools, desktop entry and AppStream
#     metadata validate (when the validators are installed);
#   - /usr/bin/photodesk-cli --version names the version, the build id and the face model from
#     /usr/share/photodesk with its checksum verified;
#   - the installed photodesk starts offscreen on a store, signs in and writes a screenshot
#     (a non-trivial PNG, kept as <build>/package-test/installed.png), and its log file lands in
#     the user's data folder; the installed CLI writes a diagnostics zip that unzip accepts;
#   - dpkg -r photodesk removes every file it installed: only the user's data is left.
# Usage: install-test.sh PACKAGE.deb BUILD_DIR
# Exit 77 (skipped) when the package was not built, without root or dpkg, or when photodesk is
# already installed (the test never touches an installation it did not make);
# PHOTODESK_REQUIRE_PACKAGE_TEST=1 (scripts/test) turns a missing package into a failure.
set -euo pipefail

DEB=${1:?usage: install-test.sh PACKAGE.deb BUILD_DIR}
BUILD=${2:?usage: install-test.sh PACKAGE.deb BUILD_DIR}
DEB=$(realpath -m "$DEB")
BUILD=$(realpath -m "$BUILD")
say() { echo "install-test: $*"; }
seconds() { local ms=$(( ($2 - $1) / 1000000 )); printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)); }
skip() { say "SKIP: $*"; exit 77; }
fail() { say "FAIL: $*"; exit 1; }

if [ ! -f "$DEB" ]; then
  [ "${PHOTODESK_REQUIRE_PACKAGE_TEST:-0}" = 1 ] && fail "$DEB is missing (scripts/package $BUILD)"
  skip "$DEB not built (scripts/package $BUILD)"
fi
[ "$(id -u)" -eq 0 ] || skip "dpkg -i needs root"
command -v dpkg >/dev/null || skip "no dpkg on this machine"
if dpkg-query -W -f='${Status}' photodesk 2>/dev/null | grep -q "ok installed"; then
  skip "photodesk is already installed here; remove it first (dpkg -r photodesk)"
fi
[ "$DEB" -nt "$BUILD/bin/photodesk" ] || say "note: $DEB is older than $BUILD/bin/photodesk (scripts/package $BUILD makes a fresh one)"

WORK=$(mktemp -d /tmp/photodesk-install-test.XXXXXX)
installed=0
cleanup() {
  # A failure half-way must not leave the package on the machine.
  if [ "$installed" = 1 ]; then dpkg -r photodesk >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# dpkg takes its lock; another apt/dpkg run on the machine (bootstrap) makes it wait, not fail.
with_dpkg_lock() {
  for _ in $(seq 1 60); do
    if "$@" 2>"$WORK/dpkg.err"; then return 0; fi
    grep -q "lock" "$WORK/dpkg.err" || { cat "$WORK/dpkg.err" >&2; return 1; }
    sleep 2
  done
  cat "$WORK/dpkg.err" >&2
  return 1
}

say "package $(basename "$DEB"): $(stat -c %s "$DEB") bytes, Installed-Size $(dpkg-deb -f "$DEB" Installed-Size) KiB"
depends=$(dpkg-deb -f "$DEB" Depends)
for needed in libqt6core6 libqt6widgets6 qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql libdlib-data libopenblas0-pthread \
              fonts-noto-cjk libdlib19.1 libopencv-core406 libexiv2-27; do
  grep -q "$needed" <<<"$depends" || fail "Depends lacks $needed: $depends"
done
if grep -Eq -- "-dev\b|\bnpm\b|\bnodejs\b|\bcmake\b|\bninja|\bgcc\b|\bg\+\+" <<<"$depends"; then
  fail "Depends names build tools: $depends"
fi

t0=$(date +%s%N)
if ! with_dpkg_lock dpkg -i "$DEB" >"$WORK/dpkg-i.log"; then
  # Only when run-time packages are missing: let apt bring them (and configure photodesk).
  say "dpkg -i reported missing dependencies; apt-get -f install"
  installed=1
  with_dpkg_lock env DEBIAN_FRONTEND=noninteractive apt-get -f install -y -qq >/dev/null
fi
installed=1
dpkg-query -W -f='${Status}' photodesk | grep -q "install ok installed" || fail "photodesk is not installed after dpkg -i"
t_install=$(date +%s%N)
dpkg -L photodesk | sort >"$WORK/files.txt"
say "installed $(grep -c . "$WORK/files.txt") paths in $(seconds "$t0" "$t_install") s"

for f in /usr/bin/photodesk /usr/bin/photodesk-cli \
         /usr/share/photodesk/models/dlib_face_recognition_resnet_model_v1.dat \
         /usr/share/photodesk/models/dlib_face_recognition_resnet_model_v1.dat.sha256 \
         /usr/share/photodesk/config/reasons.json /usr/share/applications/org.photodesk.PhotoDesk.desktop \
         /usr/share/metainfo/org.photodesk.PhotoDesk.metainfo.xml /usr/share/icons/hicolor/48x48/apps/photodesk.png \
         /usr/share/icons/hicolor/scalable/apps/photodesk.svg /usr/share/doc/photodesk/copyright \
         /usr/share/doc/photodesk/deployment.md /usr/share/doc/photodesk/examples/photodesk.conf.example; do
  grep -qx "$f" "$WORK/files.txt" || fail "$f is not in the package"
  [ -e "$f" ] || fail "$f was not installed"
done
if grep -Eq "^/etc/" "$WORK/files.txt"; then fail "the package ships files in /etc"; fi
(cd /usr/share/photodesk/models && sha256sum --status -c dlib_face_recognition_resnet_model_v1.dat.sha256) || fail "installed model fails its checksum"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate /usr/share/applications/org.photodesk.PhotoDesk.desktop || fail "desktop entry does not validate"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net /usr/share/metainfo/org.photodesk.PhotoDesk.metainfo.xml >"$WORK/as.log" 2>&1 ||
    { cat "$WORK/as.log"; fail "AppStream metadata does not validate"; }
fi

# The installed programs as a user runs them: nothing from the build tree in the environment,
# a fresh home (its data folder is the "user data" that must survive the removal).
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/.local/share" XDG_CONFIG_HOME="$WORK/home/.config"
export XDG_RUNTIME_DIR="$WORK/run" QT_QPA_PLATFORM=offscreen OPENBLAS_NUM_THREADS=1
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset PHOTODESK_SHARE_DIR PHOTODESK_LOG_DIR PHOTODESK_DATA_DIR PHOTODESK_SYSTEM_CONFIG PHOTODESK_CONFIG_DIR || true
cd "$WORK"

/usr/bin/photodesk-cli --version >"$WORK/version.txt"
sed 's/^/  /' "$WORK/version.txt"
version=$(dpkg-deb -f "$DEB" Version)
grep -q "^PhotoDesk $version (build " "$WORK/version.txt" || fail "--version does not name $version and a build id"
grep -Eq "^face model: [0-9a-f]{64} ok \(/usr/share/photodesk/models/dlib_face_recognition_resnet_model_v1.dat\)" "$WORK/version.txt" ||
  fail "--version does not show the installed face model verified"

# A store with submissions to look at: the demo seeder of the build tree makes it (the package
# ships no demo data); everything after this runs the installed programs only.
PHOTODESK_SHARE_DIR="$BUILD/share/photodesk" "$BUILD/bin/photodesk-cli" seed-demo --db "$WORK/store/pd.sqlite" >"$WORK/seed.log" 2>&1

t1=$(date +%s%N)
timeout 180 /usr/bin/photodesk --db "$WORK/store/pd.sqlite" --lang zh_CN --login reviewer:review-demo-1 \
  --screenshot "$WORK/installed.png" --quit-after 4 >"$WORK/gui.log" 2>&1 || { cat "$WORK/gui.log"; fail "the installed photodesk did not run"; }
t_gui=$(date +%s%N)
[ -f "$WORK/installed.png" ] || fail "no screenshot"
if command -v python3 >/dev/null; then
  python3 - "$WORK/installed.png" <<'PY' || fail "the screenshot is trivial"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
idat, pos = b"", 8
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT":
        idat += data[pos + 8:pos + 8 + n]
    pos += 12 + n
raw = zlib.decompress(idat)
colours = len(set(raw[i:i + 3] for i in range(0, len(raw), 997)))
print(f"install-test: screenshot {w}x{h}, {len(data)} bytes, {colours} sampled colours")
assert w >= 800 and h >= 600 and len(data) > 30000 and colours > 50
PY
else
  # Without Python: the PNG's size and dimensions from its header (file(1)).
  file "$WORK/installed.png" | grep -Eq "PNG image data, (1[0-9]{3}|[89][0-9]{2}) x" || fail "the screenshot is not a window-sized PNG"
  [ "$(stat -c %s "$WORK/installed.png")" -gt 30000 ] || fail "the screenshot is trivial"
fi
mkdir -p "$BUILD/package-test" && cp "$WORK/installed.png" "$BUILD/package-test/installed.png"
log="$XDG_DATA_HOME/photodesk/logs/photodesk.log"
[ -s "$log" ] || fail "the installed photodesk wrote no log to $log"
grep -q '"category":"photodesk.app"' "$log" || fail "$log has no start line"
if command -v python3 >/dev/null; then
  python3 -c 'import json, sys; [json.loads(l) for l in open(sys.argv[1])]' "$log" || fail "$log is not JSON lines"
fi

/usr/bin/photodesk-cli diagnostics --db "$WORK/store/pd.sqlite" --out "$WORK/diagnostics.zip" >/dev/null || fail "diagnostics failed"
if command -v unzip >/dev/null; then
  unzip -tq "$WORK/diagnostics.zip" >/dev/null || fail "the diagnostics zip is damaged"
  if unzip -p "$WORK/diagnostics.zip" | grep -Eq "review-demo-1|1[3-9][0-9]{9}"; then fail "the diagnostics zip holds a password or a phone number"; fi
fi

# Removal: nothing of the package stays; the user's data does.
t2=$(date +%s%N)
with_dpkg_lock dpkg -r photodesk >/dev/null
installed=0
t_remove=$(date +%s%N)
status=$(dpkg-query -W -f='${Status}' photodesk 2>/dev/null || true)
case "$status" in ""|*not-installed*) ;; *) fail "after dpkg -r the package is still '$status' (conffiles?)";; esac
left=()
others=()
while read -r path; do
  if [ -d "$path" ] && [ ! -L "$path" ]; then
    # Shared folders (/usr/share/icons/hicolor/48x48/apps …) stay when other packages use them.
    dpkg -S "$path" >/dev/null 2>&1 || others+=("$path")
  elif [ -e "$path" ] || [ -L "$path" ]; then
    left+=("$path")
  fi
done <"$WORK/files.txt"
for d in /usr/share/photodesk /usr/share/doc/photodesk; do [ -e "$d" ] && left+=("$d"); done
[ ${#others[@]} -eq 0 ] || say "note: folders kept because they are not empty (shared): ${others[*]}"
[ ${#left[@]} -eq 0 ] || fail "left behind after dpkg -r: ${left[*]}"
[ -s "$log" ] && [ -f "$WORK/store/pd.sqlite" ] || fail "the user's data went with the package"

say "OK — dpkg -i $(seconds "$t0" "$t_install") s, installed GUI start to screenshot $(seconds "$t1" "$t_gui") s, dpkg -r $(seconds "$t2" "$t_remove") s"
say "left: only the user's data: $(cd "$WORK/home" && find . -type f | sort | tr '\n' ' ')"
