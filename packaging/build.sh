#!/usr/bin/env bash
# Builds CalSync's desktop packages with the JDK's jpackage.
#
#   packaging/build.sh            Linux: target/dist/CalSync (app-image) and target/dist/calsync_<v>_amd64.deb
#                                 macOS: target/dist/CalSync.app and target/dist/CalSync-<v>.dmg
#   packaging/build.sh app-image  only the app-image / .app (what the tray test starts)
#
# Needs: JDK 17+ with jpackage (JAVA_HOME, else the java on PATH), Maven; on Linux fakeroot and
# dpkg-deb for the .deb; on macOS Xcode's command-line tools. Common options are in jpackage.cfg;
# this script adds the per-platform ones. macOS signing (packaging/macos/sign.sh): with
# CALSYNC_SIGN_IDENTITY ("Developer ID Application: …") the app is signed with the hardened runtime
# and, with CALSYNC_NOTARY_PROFILE (an `xcrun notarytool store-credentials` profile), the .dmg is
# notarized and stapled; without an identity the app is signed ad hoc (see README for what Gatekeeper
# shows then).
#
# Layout: JavaFX's platform jars go on jpackage's module path (linked into the runtime as real
# modules); every other jar goes beside calsync.jar in the input folder (class path).
# Linux: the app-image starts with a class-data-sharing archive trained on it (CALSYNC_CDS=0 skips
# the training); the .deb re-dumps it where it is installed from the shipped class list
# (packaging/linux/postinst), since a JDK 17 archive only fits the paths it was dumped with.
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-all}
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
jpackage="$jdk/bin/jpackage"
[ -x "$jpackage" ] || { echo "build.sh: no jpackage in $jdk/bin; set JAVA_HOME to a JDK 17+" >&2; exit 1; }

if [ "${CALSYNC_SKIP_MAVEN:-}" != 1 ]; then
  # no -Dcds: the jar's own class-data archive would fit only target/; the app-image trains its own below
  mvn -B -q -DskipTests package
fi
version=$(sed -n 's/^--app-version //p' jpackage.cfg)

work=target/jpackage
dist=target/dist
rm -rf "$work" "$dist"
mkdir -p "$work/input" "$work/jmods" "$dist"
cp target/calsync.jar "$work/input/"
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux.jar|javafx-*-mac.jar|javafx-*-mac-aarch64.jar) cp "$jar" "$work/jmods/" ;;
    javafx-*) ;;  # the empty placeholder jars Maven adds next to the platform ones
    *) cp "$jar" "$work/input/" ;;
  esac
done
[ -n "$(ls "$work/jmods")" ] || { echo "build.sh: no JavaFX platform jars in target/lib" >&2; exit 1; }

common=(@jpackage.cfg --input "$work/input" --module-path "$work/jmods" --dest "$dist")

case "$(uname -s)" in
  Linux)
    # prism.order=sw: software rendering from the start, no GPU probing, ~55 MB less resident.
    # javafx.animation.pulse=10: JavaFX's pulse timer cannot pause on GTK and wakes the UI thread
    # 60 times a second even with every window closed; 10 Hz brings idle CPU from ~0.4 % to
    # ~0.2 % of a core, at the price of 100 ms frames while the popover is open.
    # The class-data-sharing archive (packaging/cds/train.sh): trained through the app's own
    # launcher, menu-bar app included, after the image exists; $APPDIR is the launcher's lib/app.
    # -Xshare:auto: without the archive (or with one that does not fit) the app starts as before.
    # TieredStopAtLevel=1: C1 only, as the headless daemon runs; C2 compiles cost start-up CPU.
    "$jpackage" "${common[@]}" --type app-image --icon icons/app-256.png \
      --java-options -Dprism.order=sw --java-options -Djavafx.animation.pulse=10 \
      --java-options -XX:TieredStopAtLevel=1 \
      --java-options "-XX:SharedArchiveFile=\$APPDIR/calsync.jsa" --java-options -Xshare:auto
    # bin/calsync: the command line beside the app's launcher (it runs the launcher)
    cp packaging/bin/calsync "$dist/CalSync/bin/calsync"
    chmod 755 "$dist/CalSync/bin/calsync"
    if [ "${CALSYNC_CDS:-1}" = 1 ]; then
      CALSYNC_TRAIN_TRAY=1 CALSYNC_CLASSLIST_OUT="$dist/CalSync/lib/app/calsync.classlist" \
        packaging/cds/train.sh "$dist/CalSync/lib/app/calsync.jsa" "$dist/CalSync/bin/CalSync"
    fi
    echo "build.sh: app-image in $dist/CalSync (start: $dist/CalSync/bin/CalSync, command line: $dist/CalSync/bin/calsync)"
    if [ "$what" = all ]; then
      for tool in fakeroot dpkg-deb; do
        command -v "$tool" >/dev/null || { echo "build.sh: the .deb needs $tool (apt-get install $tool)" >&2; exit 1; }
      done
      # the archive fits only this folder; the package ships the class list and postinst dumps its own
      [ -f "$dist/CalSync/lib/app/calsync.jsa" ] && mv "$dist/CalSync/lib/app/calsync.jsa" "$work/calsync.jsa"
      "$jpackage" --type deb --app-image "$dist/CalSync" --name CalSync --app-version "$version" --dest "$dist" \
        --linux-package-name calsync --linux-app-category utils --linux-menu-group "Office;Calendar" \
        --linux-shortcut --icon icons/app-256.png --resource-dir packaging/linux \
        --description "Keeps calendars in sync in the background." --vendor CalSync
      [ -f "$work/calsync.jsa" ] && mv "$work/calsync.jsa" "$dist/CalSync/lib/app/calsync.jsa"
      ls -1 "$dist"/*.deb
    fi
    ;;
  Darwin)
    mac=(--icon icons/calsync.icns --mac-package-identifier com.calsync.app --mac-package-name CalSync)
    # Info.plist (LSUIElement, calendar usage strings) lives in packaging/macos. jpackage does not sign
    # here: packaging/macos/sign.sh signs inside out, the natives inside JNA's and sqlite-jdbc's jars too.
    mac+=(--resource-dir packaging/macos)
    "$jpackage" "${common[@]}" "${mac[@]}" --type app-image
    app="$dist/CalSync.app"
    # the LaunchAgent that SMAppService.agent(plistName:) registers for "Open at login" (macOS 13+)
    mkdir -p "$app/Contents/Library/LaunchAgents"
    cp packaging/macos/LaunchAgents/com.calsync.agent.plist "$app/Contents/Library/LaunchAgents/"
    JAVA_HOME="$jdk" packaging/macos/sign.sh "$app"
    echo "build.sh: $app"
    if [ "$what" = all ]; then
      "$jpackage" --type dmg --app-image "$app" --name CalSync --app-version "$version" --dest "$dist" "${mac[@]}"
      packaging/macos/sign.sh --dmg "$dist/CalSync-$version.dmg"
      ls -1 "$dist"/*.dmg
    fi
    ;;
  *)
    echo "build.sh: $(uname -s) is not packaged; run java -jar target/calsync.jar" >&2
    exit 1
    ;;
esac
