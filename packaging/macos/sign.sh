#!/usr/bin/env bash
# Signs CalSync.app inside out and, with a Developer ID, notarizes and staples the .dmg.
#
#   packaging/macos/sign.sh [--dry-run] APP          sign the .app (the jars' natives, the runtime, the bundle)
#   packaging/macos/sign.sh [--dry-run] --dmg DMG    sign the disk image, notarize it and staple the ticket
#
#   CALSYNC_SIGN_IDENTITY    "Developer ID Application: …"; unset: ad-hoc signature ("-"), no notarization
#   CALSYNC_NOTARY_PROFILE   a notarytool keychain profile (xcrun notarytool store-credentials NAME …);
#                            with an identity, --dmg submits the image, waits for the verdict and staples it
#   CALSYNC_ENTITLEMENTS     defaults to packaging/macos/calsync.entitlements
#   JAVA_HOME                for the jar tool that puts re-signed natives back into their jars
#
# --dry-run prints every command that would change something (codesign, jar, xcrun) instead of
# running it; what it reads (jar listings, the bundle's files) it reads for real. The tests run it
# that way on Linux.
#
# Why each step (sources in src/docs/macos-checklist.md):
# - Notarization rejects unsigned Mach-O code anywhere in the submission, including inside jars
#   (zip archives are inspected), and requires the hardened runtime and a secure timestamp. JNA's
#   jar carries com/sun/jna/darwin-*/libjnidispatch.jnilib and sqlite-jdbc's org/sqlite/native/Mac/*/
#   libsqlitejdbc.dylib: they are extracted, signed and put back. Natives for other systems are not
#   Mach-O and are left alone.
# - Apple recommends signing nested code first and the bundle last, each with its own codesign
#   call, rather than `codesign --deep` (Technical Note TN2206).
set -euo pipefail

dry=0
if [ "${1:-}" = --dry-run ]; then
  dry=1
  shift
fi
dmg=
if [ "${1:-}" = --dmg ]; then
  dmg=${2:?usage: sign.sh [--dry-run] --dmg DMG}
fi
app=${1:?usage: sign.sh [--dry-run] APP | sign.sh [--dry-run] --dmg DMG}
here=$(cd "$(dirname "$0")" && pwd)
entitlements=${CALSYNC_ENTITLEMENTS:-$here/calsync.entitlements}
identity=${CALSYNC_SIGN_IDENTITY:-}
jar_tool=${JAVA_HOME:+$JAVA_HOME/bin/}jar

run() {
  if [ "$dry" = 1 ]; then
    printf '+'
    printf ' %q' "$@"
    printf '\n'
  else
    "$@"
  fi
}

# the disk image: signed, notarized, stapled (Developer ID only)
if [ -n "$dmg" ]; then
  [ -f "$dmg" ] || { echo "sign.sh: no disk image at $dmg" >&2; exit 1; }
  if [ -z "$identity" ]; then
    echo "sign.sh: $dmg stays unsigned and un-notarized (no CALSYNC_SIGN_IDENTITY)"
    exit 0
  fi
  run codesign --force --timestamp --sign "$identity" "$dmg"
  if [ -z "${CALSYNC_NOTARY_PROFILE:-}" ]; then
    echo "sign.sh: CALSYNC_NOTARY_PROFILE is not set: $dmg is signed but not notarized, and Gatekeeper will warn" >&2
    exit 0
  fi
  if [ "$dry" = 1 ]; then
    run xcrun notarytool submit "$dmg" --keychain-profile "$CALSYNC_NOTARY_PROFILE" --wait --output-format json
  else
    verdict=$(xcrun notarytool submit "$dmg" --keychain-profile "$CALSYNC_NOTARY_PROFILE" --wait --output-format json)
    echo "$verdict"
    if ! grep -q '"status" *: *"Accepted"' <<< "$verdict"; then
      id=$(sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p' <<< "$verdict" | head -n 1)
      echo "sign.sh: notarization did not accept $dmg; Apple's log follows" >&2
      [ -n "$id" ] && xcrun notarytool log "$id" --keychain-profile "$CALSYNC_NOTARY_PROFILE" >&2
      exit 1
    fi
  fi
  run xcrun stapler staple "$dmg"
  run xcrun stapler validate "$dmg"
  exit 0
fi

[ -d "$app/Contents" ] || { echo "sign.sh: $app is not an app bundle" >&2; exit 1; }
[ -f "$entitlements" ] || { echo "sign.sh: no entitlements file at $entitlements" >&2; exit 1; }

if [ -n "$identity" ]; then
  sign=(codesign --force --timestamp --options runtime --sign "$identity")
  echo "sign.sh: signing with \"$identity\" (hardened runtime, secure timestamp)"
else
  # ad hoc: no identity, no timestamp server; Gatekeeper will still refuse a downloaded copy
  sign=(codesign --force --timestamp=none --options runtime --sign -)
  echo "sign.sh: no CALSYNC_SIGN_IDENTITY: signing ad hoc (runs on this Mac; see README for what others see)"
fi

# 1. native libraries inside jars
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
while IFS= read -r -d '' jar; do
  natives=$(unzip -Z1 "$jar" 2>/dev/null | grep -E '\.(dylib|jnilib)$' || true)
  [ -n "$natives" ] || continue
  dir="$work/$(basename "$jar").d"
  mkdir -p "$dir"
  echo "sign.sh: re-signing the macOS natives inside $(basename "$jar")"
  while IFS= read -r entry; do
    unzip -q -o "$jar" "$entry" -d "$dir"
    run "${sign[@]}" "$dir/$entry"
  done <<< "$natives"
  # jar uf keeps every other entry as it is; the entries go back under the same names
  # shellcheck disable=SC2086 # one name per line, none with spaces (checked by the listing above)
  run "$jar_tool" uf "$jar" -C "$dir" $natives
done < <(find "$app/Contents" -name '*.jar' -print0 | sort -z)

# 2. every other piece of code in the bundle, innermost first; the main executable comes with the bundle
main="$app/Contents/MacOS/$(basename "$app" .app)"
while IFS= read -r -d '' file; do
  [ "$file" = "$main" ] && continue
  run "${sign[@]}" "$file"
done < <(find "$app/Contents" -type f \( -name '*.dylib' -o -name '*.jnilib' -o -perm -u+x \) \
         -not -path '*/Contents/MacOS/*' -print0 | sort -z)
while IFS= read -r -d '' launcher; do
  [ "$launcher" = "$main" ] || run "${sign[@]}" "$launcher"
done < <(find "$app/Contents/MacOS" -type f -print0 2>/dev/null | sort -z)
# jpackage's runtime is a bundle of its own (Contents/runtime with an Info.plist)
if [ -f "$app/Contents/runtime/Contents/Info.plist" ]; then
  run "${sign[@]}" "$app/Contents/runtime"
fi
run "${sign[@]}" --entitlements "$entitlements" "$app"
run codesign --verify --deep --strict --verbose=2 "$app"

