#!/bin/sh
# HA Lab for Linux, from the download zip. Needs Java 17 or newer (JAVA_HOME, else java on PATH).
#   ./halab.sh                 open the desktop app
#   ./halab.sh validate ...    the command line (./halab.sh --help)
# Extra JVM options: HALAB_JAVA_OPTS="-Dhalab.lang=zh_CN" ./halab.sh
here=$(cd "$(dirname "$0")" && pwd)

java_cmd=""
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java_cmd="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
    java_cmd=$(command -v java)
fi
# "17.0.2" -> 17, "1.8.0_402" -> 8, "21-ea" -> 21; nothing when java is absent or broken
major=""
if [ -n "$java_cmd" ]; then
    major=$("$java_cmd" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }' \
        | awk -F. '{ v = $1; if (v == "1") v = $2; sub(/[^0-9].*/, "", v); print v }')
fi
if [ -z "$major" ] || [ "$major" -lt 17 ]; then
    found=${major:-none}
    cat >&2 <<MSG
HA Lab needs Java 17 or newer (found: $found).
Install a JDK or JRE 17 or 21, e.g. Eclipse Temurin from https://adoptium.net/
(Debian/Ubuntu: sudo apt install openjdk-17-jre), then start HA Lab again.
Set JAVA_HOME if Java is installed but not on your PATH.

HA Lab 需要 Java 17 或更高版本（当前：$found）。
请安装 JDK 或 JRE 17 或 21，例如 Eclipse Temurin：https://adoptium.net/zh-CN/
（国内镜像：https://mirrors.tuna.tsinghua.edu.cn/Adoptium/ ；Debian/Ubuntu：sudo apt install openjdk-17-jre），
然后重新启动 HA Lab。如果已安装 Java 但不在 PATH 中，请设置 JAVA_HOME。
MSG
    exit 3
fi

# The desktop app starts faster with the client compiler and the serial collector.
gui_opts=""
if [ $# -eq 0 ] || [ "$1" = gui ]; then
    gui_opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
fi
# shellcheck disable=SC2086 # the option lists are meant to split into words
exec "$java_cmd" -Dfile.encoding=UTF-8 $gui_opts ${HALAB_JAVA_OPTS:-} \
    -cp "$here/halab.jar:$here/lib/*" dev.halab.Launcher "$@"
