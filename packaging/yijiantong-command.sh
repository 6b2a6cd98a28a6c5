#!/bin/sh
# /usr/local/bin/yijiantong (installed by packaging/install.sh): run a yijiantong command
# against this kiosk's own data folder, as the kiosk user, so files keep the right owner.
#   sudo yijiantong status
#   sudo yijiantong enrol --hub-url https://hub.example --code 123456
#   sudo yijiantong voice models install vosk-model-small-cn-0.22 --from-zip /media/usb/m.zip
# Without sudo (an ordinary desktop user) it runs with that user's own data folder.
set -eu
bundle=/opt/yijiantong/yijiantong
if [ "$(id -u)" -eq 0 ] && id -u yijiantong >/dev/null 2>&1; then
  exec runuser -u yijiantong -- env YIJIANTONG_DATA_DIR=/var/lib/yijiantong "$bundle" "$@"
fi
exec "$bundle" "$@"
