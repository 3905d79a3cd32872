#!/usr/bin/env bash
# Wrap the one-folder build into a .deb:
#   bash packaging/linux/make-deb.sh VERSION dist/fieldapp OUT_DIR
# /opt/fieldapp holds the build, /usr/bin/fieldapp links to it, with a desktop entry and the icon in hicolor.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$1 folder=$2 out=$3
[ -x "$folder/fieldapp" ] || { echo "no build in $folder (run packaging/build.sh)" >&2; exit 2; }

# A Python version is a valid Debian version except for underscores.
deb_version=${version//_/-}
stage=build/deb/fieldapp_${deb_version}_amd64
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications"
cp -a "$folder" "$stage/opt/fieldapp"
ln -s /opt/fieldapp/fieldapp "$stage/usr/bin/fieldapp"
install -m 644 packaging/linux/fieldapp.desktop "$stage/usr/share/applications/fieldapp.desktop"
for size in 16 24 32 48 64 128 256 512; do
    dir=$stage/usr/share/icons/hicolor/${size}x${size}/apps
    mkdir -p "$dir"
    install -m 644 "resources/icons/fieldapp-$size.png" "$dir/fieldapp.png"
done
mkdir -p "$stage/usr/share/icons/hicolor/scalable/apps"
install -m 644 resources/icons/fieldapp.svg "$stage/usr/share/icons/hicolor/scalable/apps/fieldapp.svg"

installed_kb=$(du -sk "$stage" --exclude=DEBIAN | cut -f1)
# Qt is inside the build; these are the system libraries Qt itself loads (the same list as dev.sh run);
# fonts-khmeros is for the Khmer the desktop draws (the title bar), not the app, which ships its fonts.
cat > "$stage/DEBIAN/control" <<CONTROL
Package: fieldapp
Version: $deb_version
Section: misc
Priority: optional
Architecture: amd64
Maintainer: fieldapp maintainers <fieldapp@localhost>
Installed-Size: $installed_kb
Depends: libc6 (>= 2.34), libegl1, libgl1, libfontconfig1, libdbus-1-3, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-randr0, libxcb-xfixes0
Recommends: libpulse0, fonts-khmeros
Description: Offline screening, photos, handover forms and sync for raid teams
 The desktop app and command line of fieldapp, with its fonts, translations,
 indicator sets and Qt plugins inside. Works without a network.
CONTROL
# Refresh the menus and icon cache when the desktop tools are there; never fail the install over them.
cat > "$stage/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
    command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -f /usr/share/icons/hicolor || true
fi
exit 0
POSTINST
cp "$stage/DEBIAN/postinst" "$stage/DEBIAN/postrm"
sed -i 's/= configure/= remove/' "$stage/DEBIAN/postrm"
chmod 755 "$stage/DEBIAN/postinst" "$stage/DEBIAN/postrm"
mkdir -p "$out"
# xz: the smallest file to carry on a stick; DEB_COMPRESSION=zstd builds several times faster.
dpkg-deb --root-owner-group "-Z${DEB_COMPRESSION:-xz}" --build "$stage" "$out/fieldapp_${deb_version}_amd64.deb" >/dev/null
rm -rf "$stage"  # a second copy of the whole build
echo "wrote $out/fieldapp_${deb_version}_amd64.deb"
