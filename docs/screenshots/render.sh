#!/usr/bin/env bash
# Renders every screen of the desktop app, in English and Simplified Chinese, light theme, to
# docs/screenshots/*.png (headless: Monocle, no display needed). Usage: docs/screenshots/render.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -Dhalab.buildDir="${HALAB_BUILD_DIR:-target-gui}" -Dtest=ScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dhalab.screenshots.dir="$PWD/docs/screenshots" test
ls -1 docs/screenshots/*.png
