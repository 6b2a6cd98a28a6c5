#!/usr/bin/env bash
# Install (or update) Yijiantong on Debian 12 from a bundle built by packaging/build.sh.
#
#   sudo bash packaging/install.sh                 # kiosk: cage on tty1, starts now
#   sudo bash packaging/install.sh --with-hub      # also run the reference hub here
#   sudo bash packaging/install.sh --desktop       # ordinary desktop: menu entry only
#
# Options:
#   --bundle DIR   the built bundle (default: dist/yijiantong next to this script's project)
#   --with-hub     enable and start yijiantong-hub.service on this machine
#   --desktop      no kiosk user or session: install the bundle and a menu entry
#   --no-start     install and enable, but do not (re)start anything now
#   --root DIR     install into DIR instead of / (for testing and image builds): no apt,
#                  no users, no systemctl
#
# Safe to run again: it installs only what is missing and replaces the bundle by a
# rename after the new copy has passed its self-test, so a failed update leaves the
# running version in place. docs/deployment.md explains every step.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
project=$(dirname "$here")
bundle="$project/dist/yijiantong"
root=""
with_hub=0
desktop=0
start=1

usage() {
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
while (($#)); do
  case "$1" in
    --bundle) bundle=${2:?--bundle needs a folder}; shift ;;
    --with-hub) with_hub=1 ;;
    --desktop) desktop=1 ;;
    --no-start) start=0 ;;
    --root) root=$(realpath -m "${2:?--root needs a folder}"); shift ;;
    -h | --help) usage ;;
    *) echo "install: unknown option $1" >&2; usage ;;
  esac
  shift
done

PREFIX=/opt/yijiantong
DATA_DIR=/var/lib/yijiantong
KIOSK_USER=yijiantong
HUB_USER=yijiantong-hub
APT_PACKAGES=(
  cage dbus                      # the Wayland kiosk compositor; logind over D-Bus gives it the seat
  fonts-noto-cjk                 # Chinese text (without it Chinese shows as boxes)
  espeak-ng alsa-utils           # offline speech output; amixer/aplay for the technician
  libportaudio2                  # microphone and speaker access (sounddevice)
  baresip-core                   # the emergency SIP call
  libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libwayland-client0 libwayland-cursor0 libwayland-egl1   # Qt's Wayland plugin (under cage)
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-render-util0 libxcb-image0                       # Qt's X11 plugin (desktop use)
  libcups2                       # printed appointment slips (optional printer)
  logrotate
)

say() { echo "install: $*"; }

if [ -z "$root" ] && [ "$(id -u)" -ne 0 ]; then
  echo "install: run as root: sudo bash $0 $*" >&2
  exit 1
fi
if [ ! -x "$bundle/yijiantong" ]; then
  echo "install: no bundle at $bundle; build it first: bash packaging/build.sh" >&2
  exit 1
fi
if [ -z "$root" ] && ! grep -q '^VERSION_ID="12"' /etc/os-release 2>/dev/null; then
  say "WARNING: this is not Debian 12; package names may differ"
fi

install_packages() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]})); then
    say "installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "system packages already installed"
  fi
}

create_users() {
  if ! id -u "$KIOSK_USER" >/dev/null 2>&1; then
    say "creating user $KIOSK_USER"
    useradd --system --user-group --home-dir "$DATA_DIR" --no-create-home \
      --shell /usr/sbin/nologin --comment "Yijiantong kiosk" "$KIOSK_USER"
  fi
  if ! id -u "$HUB_USER" >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /var/lib/yijiantong-hub --no-create-home \
      --shell /usr/sbin/nologin --comment "Yijiantong service hub" "$HUB_USER"
  fi
  local group
  for group in audio video input render; do
    # input and render exist on a booted Debian 12 (systemd creates them), not in every chroot.
    if getent group "$group" >/dev/null && ! id -nG "$KIOSK_USER" | grep -qw "$group"; then
      usermod -aG "$group" "$KIOSK_USER"
    fi
  done
}

# Copy the bundle beside the old one, self-test it, then swap by renaming.
install_bundle() {
  local target="$root$PREFIX" staging="$root$PREFIX.new" previous="$root$PREFIX.old"
  rm -rf "$staging" "$previous"
  mkdir -p "$(dirname "$target")"
  cp -a "$bundle" "$staging"
  mkdir -p "$staging/docs"
  if [ -f "$project/docs/deployment.md" ]; then
    cp "$project/docs/deployment.md" "$staging/docs/"
  fi
  say "self-testing the new bundle"
  if ! QT_QPA_PLATFORM=offscreen "$staging/yijiantong" --self-test; then
    rm -rf "$staging"
    echo "install: the new bundle failed its self-test; nothing was changed" >&2
    exit 1
  fi
  if [ -e "$target" ]; then
    mv "$target" "$previous"
  fi
  mv "$staging" "$target"
  rm -rf "$previous"
  say "bundle installed in $target"
}

# Units, log rotation, the menu entry and the command wrapper; PREFIX is substituted so
# that --root installs stay consistent with what the files say.
install_files() {
  install -d "$root/etc/systemd/system" "$root/etc/logrotate.d" \
    "$root/usr/share/applications" "$root/usr/local/bin"
  local unit
  for unit in yijiantong.service yijiantong-hub.service; do
    if [ "$desktop" -eq 1 ] && [ "$unit" = yijiantong.service ]; then
      continue
    fi
    sed "s#/opt/yijiantong#$PREFIX#g" "$here/systemd/$unit" >"$root/etc/systemd/system/$unit.tmp"
    chmod 0644 "$root/etc/systemd/system/$unit.tmp"
    mv "$root/etc/systemd/system/$unit.tmp" "$root/etc/systemd/system/$unit"
  done
  install -m 0644 "$here/logrotate/yijiantong" "$root/etc/logrotate.d/yijiantong"
  install -m 0644 "$here/yijiantong.desktop" "$root/usr/share/applications/yijiantong.desktop"
  install -m 0755 "$here/yijiantong-command.sh" "$root/usr/local/bin/yijiantong"
  if [ "$desktop" -eq 0 ]; then
    install -d -m 0750 "$root$DATA_DIR" "$root$DATA_DIR/logs"
    if [ -z "$root" ]; then
      chown -R "$KIOSK_USER:$KIOSK_USER" "$DATA_DIR"
    fi
  fi
  if [ "$with_hub" -eq 1 ]; then
    install -d -m 0750 "$root/var/lib/yijiantong-hub"
    if [ -z "$root" ]; then
      chown "$HUB_USER:$HUB_USER" /var/lib/yijiantong-hub
    fi
  fi
}

enable_services() {
  if [ ! -d /run/systemd/system ]; then
    say "systemd is not running here; enable later with: systemctl enable --now yijiantong"
    return
  fi
  systemctl daemon-reload
  if [ "$desktop" -eq 0 ]; then
    systemctl set-default graphical.target >/dev/null
    systemctl enable yijiantong.service
  fi
  if [ "$with_hub" -eq 1 ]; then
    systemctl enable yijiantong-hub.service
  fi
  if [ "$start" -eq 1 ]; then
    if [ "$with_hub" -eq 1 ]; then
      systemctl restart yijiantong-hub.service
    fi
    if [ "$desktop" -eq 0 ]; then
      say "starting the kiosk on tty1"
      systemctl restart yijiantong.service
    fi
  fi
}

if [ -z "$root" ]; then
  install_packages
  if [ "$desktop" -eq 0 ] || [ "$with_hub" -eq 1 ]; then
    create_users
  fi
fi
install_bundle
install_files
if [ -z "$root" ]; then
  enable_services
fi
say "done. Check it with: sudo yijiantong status   (guide: $PREFIX/docs/deployment.md)"
