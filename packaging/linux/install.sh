#!/bin/sh
# Install the Linux bundle for the current user (no root): the program in ~/.local/opt/epages-sync, the
# command in ~/.local/bin, the menu entry, icons and AppStream metadata under ~/.local/share.
#
#   packaging/linux/install.sh [BUNDLE_DIR]     # default: dist/epages-sync (python packaging/build.py)
#   packaging/linux/install.sh --uninstall      # removes the program; keeps the data
#
# The data (settings, saved passwords, database, logs, autostart) is removed with
# 'epages-sync remove-all-data' before uninstalling.
set -eu

here=$(cd "$(dirname "$0")/../.." && pwd)
prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
opt="$HOME/.local/opt/epages-sync"
bin="$HOME/.local/bin"
app_id="io.github.epages_sync.EpagesSync"

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$opt"
    rm -f "$bin/epages-sync" "$prefix/applications/epages-sync.desktop" "$prefix/metainfo/$app_id.metainfo.xml"
    for size in 16 32 48 64 128 256; do
        rm -f "$prefix/icons/hicolor/${size}x${size}/apps/epages-sync.png"
    done
    rm -f "$prefix/icons/hicolor/scalable/apps/epages-sync.svg"
    echo "epages-sync was removed (its data was kept; 'epages-sync remove-all-data' removes that)."
    exit 0
fi

bundle="${1:-$here/dist/epages-sync}"
if [ ! -x "$bundle/epages-sync" ]; then
    echo "No bundle in $bundle: build it first with 'python3 packaging/build.py'." >&2
    exit 1
fi

# Replace the whole folder: files left from an older version could be picked up by the new one.
rm -rf "$opt.new"
mkdir -p "$(dirname "$opt")" "$bin" "$prefix/applications" "$prefix/metainfo"
cp -a "$bundle" "$opt.new"
rm -rf "$opt"
mv "$opt.new" "$opt"
ln -sf "$opt/epages-sync" "$bin/epages-sync"

sed "s|^Exec=epages-sync|Exec=$opt/epages-sync|; s|^TryExec=epages-sync|TryExec=$opt/epages-sync|" \
    "$here/resources/linux/epages-sync.desktop" > "$prefix/applications/epages-sync.desktop"
cp "$here/resources/linux/$app_id.metainfo.xml" "$prefix/metainfo/"
for size in 16 32 48 64 128 256; do
    mkdir -p "$prefix/icons/hicolor/${size}x${size}/apps"
    cp "$here/resources/icons/app/epages-sync-$size.png" "$prefix/icons/hicolor/${size}x${size}/apps/epages-sync.png"
done
mkdir -p "$prefix/icons/hicolor/scalable/apps"
cp "$here/resources/icons/app/epages-sync.svg" "$prefix/icons/hicolor/scalable/apps/epages-sync.svg"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$prefix/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$prefix/icons/hicolor" || true

echo "epages-sync installed in $opt; start it from the menu or with: $bin/epages-sync"
