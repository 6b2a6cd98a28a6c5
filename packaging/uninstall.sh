#!/usr/bin/env bash
# Remove Yijiantong installed by packaging/install.sh. Safe to run again.
#
#   sudo bash packaging/uninstall.sh            # keeps the data (/var/lib/yijiantong) and user
#   sudo bash packaging/uninstall.sh --purge    # also deletes the data, the hub's data and
#                                               # the yijiantong user: bookings waiting to be
#                                               # sent are lost
#   --root DIR   remove from DIR instead of / (for testing): no users, no systemctl
#
# System packages (cage, espeak-ng, ...) are left installed: other software may use them.
set -euo pipefail

root=""
purge=0
while (($#)); do
  case "$1" in
    --purge) purge=1 ;;
    --root) root=$(realpath -m "${2:?--root needs a folder}"); shift ;;
    *) echo "usage: sudo bash $0 [--purge] [--root DIR]" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$root" ] && [ "$(id -u)" -ne 0 ]; then
  echo "uninstall: run as root: sudo bash $0 $*" >&2
  exit 1
fi

UNITS=(yijiantong.service yijiantong-hub.service)
if [ -z "$root" ] && [ -d /run/systemd/system ]; then
  for unit in "${UNITS[@]}"; do
    systemctl disable --now "$unit" 2>/dev/null || true
  done
fi
for unit in "${UNITS[@]}"; do
  rm -f "$root/etc/systemd/system/$unit"
done
if [ -z "$root" ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
fi
rm -f "$root/etc/logrotate.d/yijiantong" \
  "$root/usr/share/applications/yijiantong.desktop" \
  "$root/usr/local/bin/yijiantong"
rm -rf "$root/opt/yijiantong" "$root/opt/yijiantong.new" "$root/opt/yijiantong.old"

if [ "$purge" -eq 1 ]; then
  rm -rf "$root/var/lib/yijiantong" "$root/var/lib/yijiantong-hub"
  for user in yijiantong yijiantong-hub; do
    if [ -z "$root" ] && id -u "$user" >/dev/null 2>&1; then
      userdel "$user"
    fi
  done
  echo "uninstall: removed, including all data"
else
  echo "uninstall: removed; data kept in $root/var/lib/yijiantong (--purge deletes it)"
fi
