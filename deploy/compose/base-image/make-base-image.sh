#!/usr/bin/env bash
# Makes a Java 17 base image as a tarball (docker-save format) WITHOUT a registry or a Docker engine, for
# `jib:buildTar -Djib.from.image=tar://…` on machines that reach no container registry (docs/deployment.md).
#
# The image: a jlink'ed Java 17 runtime (with its CDS archive of the JDK classes) at /opt/java, the shared libraries
# it needs copied from this machine (glibc, zlib…), /etc/passwd with the non-root user jingban (uid 10001), /tmp.
# No shell, no package manager. A province with a registry uses its own vetted JRE base image instead
# (-Djib.from.image=<registry>/eclipse-temurin:17-jre, the default).
#
#   deploy/compose/base-image/make-base-image.sh [out.tar]     (default: deploy/compose/base-image/target/jre17-base.tar)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/target/jre17-base.tar}"
jdk="${JDK17_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
"$jdk/bin/java" -version 2>&1 | grep -q 'version "17' || { echo "needs a JDK 17 (set JDK17_HOME)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root/opt" "$root/etc" "$root/tmp" "$root/app"
chmod 1777 "$root/tmp"

# Modules of a Spring Boot WebFlux service with Kafka (SASL/SCRAM, JAAS), MongoDB (TLS, DNS SRV) and JMX-free actuator.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,\
java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,\
jdk.charsets,jdk.crypto.ec,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.unsupported,\
jdk.zipfs,jdk.jfr
"$jdk/bin/jlink" --add-modules "$modules" --include-locales=en,zh --strip-debug --no-man-pages --no-header-files \
    --compress=2 --generate-cds-archive --output "$root/opt/java"

# The shared libraries the runtime loads, at the same paths as here (Debian 12: glibc 2.36, NSS files/dns built in).
{
  ldd "$root/opt/java/bin/java"
  find "$root/opt/java/lib" -name '*.so' -exec ldd {} \; 2>/dev/null
} | grep -oE '/[^ ]+\.so[^ ]*' | sort -u | while read -r lib; do
  case "$lib" in "$root"*) continue ;; esac
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
for extra in /lib/x86_64-linux-gnu/libnss_dns.so.2 /lib/x86_64-linux-gnu/libnss_files.so.2 \
             /lib/x86_64-linux-gnu/libresolv.so.2; do
  [ -e "$extra" ] && mkdir -p "$root$(dirname "$extra")" && cp -L "$extra" "$root$extra"
done
printf 'root:x:0:0:root:/root:/sbin/nologin\njingban:x:10001:10001:jingban:/app:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\njingban:x:10001:\n' > "$root/etc/group"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"

mkdir -p "$(dirname "$out")"
python3 - "$root" "$out" <<'PY'
import hashlib, io, json, os, sys, tarfile
root, out = sys.argv[1], sys.argv[2]
layer = io.BytesIO()
with tarfile.open(fileobj=layer, mode="w", format=tarfile.PAX_FORMAT) as tar:
    for name in sorted(os.listdir(root)):
        def reset(info):
            info.mtime = 0; info.uid = info.gid = 0; info.uname = info.gname = ""
            return info
        tar.add(os.path.join(root, name), arcname=name, filter=reset)
data = layer.getvalue()
diff_id = "sha256:" + hashlib.sha256(data).hexdigest()
config = {"architecture": "amd64", "os": "linux",
          "config": {"Env": ["PATH=/opt/java/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java", "LANG=C.UTF-8"],
                     "User": "10001:10001", "WorkingDir": "/app"},
          "rootfs": {"type": "layers", "diff_ids": [diff_id]},
          "history": [{"created_by": "deploy/compose/base-image/make-base-image.sh (jlink Java 17)"}]}
config_bytes = json.dumps(config).encode()
config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
layer_name = diff_id[7:] + "/layer.tar"
manifest = [{"Config": config_name, "RepoTags": ["jingban/jre17-base:local"], "Layers": [layer_name]}]
with tarfile.open(out, "w") as tar:
    for name, content in [(config_name, config_bytes), (layer_name, data),
                          ("manifest.json", json.dumps(manifest).encode())]:
        info = tarfile.TarInfo(name); info.size = len(content); info.mtime = 0
        tar.addfile(info, io.BytesIO(content))
print(out, len(data) // (1024 * 1024), "MB layer")
PY
