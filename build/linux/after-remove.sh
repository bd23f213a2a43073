#!/bin/bash
# deb post-remove: the links after-install.sh made.
rm -f '/usr/bin/${executable}' '/usr/bin/frontier'
rm -f '/etc/apparmor.d/${executable}'
