#!/bin/bash
# deb post-install (electron-builder fills in ${...}): the desktop binary and the `frontier` CLI on PATH,
# and the Chromium sandbox set up as electron-builder's own script does.
app='/opt/${sanitizedProductName}'
ln -sf "$app/${executable}" '/usr/bin/${executable}'
ln -sf "$app/resources/frontier-cli" '/usr/bin/frontier'
if [[ -L /proc/self/ns/user ]] && unshare --user true 2>/dev/null; then
  chmod 0755 "$app/chrome-sandbox" || true
else
  chmod 4755 "$app/chrome-sandbox" || true
fi
if [ -f "$app/resources/apparmor-profile" ] && apparmor_status --enabled >/dev/null 2>&1; then
  if apparmor_parser --skip-kernel-load --debug "$app/resources/apparmor-profile" >/dev/null 2>&1; then
    cp -f "$app/resources/apparmor-profile" '/etc/apparmor.d/${executable}'
    apparmor_parser --replace --write-cache --skip-read-cache '/etc/apparmor.d/${executable}' || true
  fi
fi
hash update-desktop-database 2>/dev/null && update-desktop-database /usr/share/applications || true
