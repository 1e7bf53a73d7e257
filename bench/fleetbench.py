#!/usr/bin/env python3
"""Side-by-side benchmark of fleetsync and its peers on many simulated clusters.

A few real API servers (scripts/local-fleet) sit behind one toxiproxy proxy per simulated cluster, each with its own
added latency. Every simulated cluster owns its own namespaces, CRD group and fleetsync target, so clusters that share
a server never collide. Entry point: bench/run (see --help). Results: one JSON line per (size, rep, tool, scenario).
"""
import argparse
import base64
import concurrent.futures
import json
import os
import platform
import re
import resource
import shutil
import shlex
import signal
import ssl
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import psutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
K8S_BIN = os.path.join(os.environ.get("KUBE_API_TEST_DIR", os.path.expanduser("~/.kubeapitest")),
                       "k8s", "1.34.4-linux-amd64")
KUBECTL = os.path.join(K8S_BIN, "kubectl")
STATE = os.path.join(ROOT, ".fleetsync", "local")
CLK_TCK = os.sysconf("SC_CLK_TCK")
SCENARIOS = ["apply-initial", "plan-noop", "apply-change", "prune"]
TOOLS = ["fleetsync", "fleetsync-native", "kubectl-parallel", "kapp", "kubectl-sequential"]
# Round trips one cluster's pipeline cannot avoid (see docs/benchmarks.md, "Critical-path bound"):
# TCP connect + TLS 1.3 handshake = 2; discovery and the ApplySet parent GET in parallel = 1; the lists in parallel = 1;
# then per scenario: initial apply = widen parent + stage 0 (Namespaces, CRD) + CRD Established + stage 1 + stage 2;
# change = dry runs in parallel + 2 write stages; prune = 2 delete stages.
CRITICAL_RTTS = {"apply-initial": 4 + 5, "plan-noop": 4, "apply-change": 4 + 3, "prune": 4 + 2}
WRITE_VERBS = {"POST", "PUT", "PATCH", "APPLY", "DELETE", "DELETECOLLECTION"}


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


class Deadline(Exception):
    pass


# ---------------------------------------------------------------------------------------------------------------
# Processes we start: every one is recorded here so that the end (normal, error or signal) stops it.
# ---------------------------------------------------------------------------------------------------------------
class Reaper:
    def __init__(self):
        self.groups = set()
        self.servers_up = False
        self.lock = threading.Lock()

    def add(self, pid):
        with self.lock:
            self.groups.add(pid)

    def remove(self, pid):
        with self.lock:
            self.groups.discard(pid)

    def stop_all(self):
        with self.lock:
            groups = list(self.groups)
        for pgid in groups:
            try:
                os.killpg(pgid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        time.sleep(0.5)
        for pgid in groups:
            try:
                os.killpg(pgid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if self.servers_up:
            subprocess.run([os.path.join(ROOT, "scripts", "local-fleet"), "down"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            self.servers_up = False


REAPER = Reaper()


def run_measured(cmd, timeout, env=None, stdout_path=None, cwd=None):
    """Runs cmd in its own process group; returns rc, wall, cpu seconds and peak RSS (KiB) of it and its children."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    err = open(stdout_path + ".err", "wb") if stdout_path else subprocess.DEVNULL
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=cwd, start_new_session=True)
    REAPER.add(p.pid)
    timer = threading.Timer(timeout, lambda: _kill_group(p.pid))
    timer.start()
    try:
        _, status, ru = os.wait4(p.pid, 0)
    finally:
        timer.cancel()
        REAPER.remove(p.pid)
        p.returncode = 0
        if stdout_path:
            out.close()
            err.close()
    wall = time.monotonic() - t0
    rc = os.waitstatus_to_exitcode(status)
    return {"rc": rc, "wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "maxrss_kib": ru.ru_maxrss,
            "timed_out": wall >= timeout}


def _kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


class RssSampler:
    """Peak of the summed RSS of every process below this one (the tool under test), sampled every 100 ms."""

    def __init__(self, exclude):
        self.exclude = set(exclude)
        self.peak = 0
        self.stop_evt = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *a):
        self.stop_evt.set()
        self.thread.join()

    def _run(self):
        me = psutil.Process(os.getpid())
        while not self.stop_evt.wait(0.1):
            total = 0
            try:
                for c in me.children(recursive=True):
                    if c.pid in self.exclude:
                        continue
                    try:
                        total += c.memory_info().rss
                    except psutil.Error:
                        pass
            except psutil.Error:
                continue
            self.peak = max(self.peak, total)


# ---------------------------------------------------------------------------------------------------------------
# API servers and proxies
# ---------------------------------------------------------------------------------------------------------------
class Servers:
    def __init__(self, count, workloads=False):
        """workloads: also kube-controller-manager, kube-scheduler and kwok per server (bench/rollout)."""
        self.count, self.workloads = count, workloads
        self.ports, self.pids = [], []

    def up(self):
        if os.path.isdir(STATE):
            raise SystemExit(f"bench: {STATE} exists (a local fleet of this checkout is up); "
                             "stop it with scripts/local-fleet down first")
        REAPER.servers_up = True
        subprocess.run([os.path.join(ROOT, "scripts", "local-fleet"), "up",
                        *(["--workloads"] if self.workloads else []), str(self.count)], check=True,
                       stdout=subprocess.DEVNULL)
        self.ports, self.pids = [], []
        for i in range(1, self.count + 1):
            d = os.path.join(STATE, f"local-{i}")
            self.ports.append(int(open(os.path.join(d, "api.port")).read()))
            self.pids.append((int(open(os.path.join(d, "apiserver.pid")).read()),
                              int(open(os.path.join(d, "etcd.pid")).read())))
        pki = os.path.join(STATE, "pki")
        self.ssl = ssl.create_default_context(cafile=os.path.join(pki, "ca.crt"))
        self.ssl.load_cert_chain(os.path.join(pki, "admin.crt"), os.path.join(pki, "admin.key"))

    def down(self):
        subprocess.run([os.path.join(ROOT, "scripts", "local-fleet"), "down"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        REAPER.servers_up = False

    def cpu_seconds(self):
        total = 0.0
        for api, etcd in self.pids:
            for pid in (api, etcd):
                fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / CLK_TCK
        return total

    def memory(self):
        """Current and peak RSS in MiB of each server (kube-apiserver + etcd)."""
        out = []
        for api, etcd in self.pids:
            row = {}
            for name, pid in (("apiserver", api), ("etcd", etcd)):
                status = open(f"/proc/{pid}/status").read()
                row[name + "_rss_mib"] = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) // 1024
                row[name + "_hwm_mib"] = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) // 1024
            out.append(row)
        return out

    def requests(self):
        """apiserver_request_total summed over the servers, keyed by (verb, resource, subresource, dry_run, code)."""
        counts = {}
        for port in self.ports:
            text = urllib.request.urlopen(f"https://127.0.0.1:{port}/metrics", context=self.ssl, timeout=30).read()
            for line in text.decode().splitlines():
                if not line.startswith("apiserver_request_total{"):
                    continue
                labels, value = line[len("apiserver_request_total{"):].rsplit("} ", 1)
                lab = dict(re.findall(r'(\w+)="([^"]*)"', labels))
                key = (lab.get("verb", ""), lab.get("resource", ""), lab.get("subresource", ""),
                       lab.get("dry_run", ""), lab.get("code", ""))
                counts[key] = counts.get(key, 0) + float(value)
        return counts


def request_delta(before, after):
    """Requests of one run by kind; the servers' own lease renewals and the metrics scrape are left out.
    discovery_not_modified: the discovery GETs answered 304 (the tool sent an ETag the server still serves)."""
    out = {"total": 0, "writes": 0, "dry_runs": 0, "lists": 0, "gets": 0, "watches": 0, "discovery": 0,
           "discovery_not_modified": 0}
    for key, v in after.items():
        n = int(round(v - before.get(key, 0)))
        verb, res, sub, dry, code = key
        if n <= 0 or res == "leases":
            continue
        out["total"] += n
        detail = out.setdefault("detail", {})
        k = f"{verb}{' dryRun' if dry else ''} {res or '(non-resource)'}{'/' + sub if sub else ''}"
        detail[k] = detail.get(k, 0) + n
        if verb in WRITE_VERBS:
            out["dry_runs" if dry else "writes"] += n

        elif verb == "LIST":
            out["lists"] += n
        elif verb == "WATCH":
            out["watches"] += n
        elif verb == "GET" and res:
            out["gets"] += n
        elif verb == "GET":
            out["discovery"] += n
            if code == "304":
                out["discovery_not_modified"] += n
    return out


class Toxiproxy:
    def __init__(self, binary, admin_port, workdir):
        self.binary, self.admin_port, self.workdir = binary, admin_port, workdir
        self.proc = None

    def start(self):
        # Another run's toxiproxy on the same admin port would answer /version too and have its proxies overwritten.
        try:
            self._call("GET", "/version")
            raise SystemExit(f"bench: a toxiproxy already answers on port {self.admin_port}; "
                             "choose another --toxiproxy-port")
        except OSError:
            pass
        logf = open(os.path.join(self.workdir, "toxiproxy.log"), "ab")
        self.proc = subprocess.Popen([self.binary, "-host", "127.0.0.1", "-port", str(self.admin_port)],
                                     stdout=logf, stderr=logf, start_new_session=True)
        REAPER.add(self.proc.pid)
        for _ in range(100):
            try:
                self._call("GET", "/version")
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("toxiproxy did not start")

    def stop(self):
        if self.proc:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=10)
            REAPER.remove(self.proc.pid)
            self.proc = None

    def _call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"http://127.0.0.1:{self.admin_port}{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        body = urllib.request.urlopen(req, timeout=30).read()
        try:
            return json.loads(body or b"null")
        except ValueError:
            return body.decode()

    def populate(self, proxies, latency_ms):
        """proxies: list of (name, listen_port, upstream_port); each gets latency_ms each way."""
        for i in range(0, len(proxies), 200):
            chunk = proxies[i:i + 200]
            body = [{"name": n, "listen": f"127.0.0.1:{lp}", "upstream": f"127.0.0.1:{up}", "enabled": True}
                    for n, lp, up in chunk]
            for attempt in range(10):  # a port the previous proxy just released can take a moment to be free
                try:
                    self._call("POST", "/populate", body)
                    break
                except urllib.error.HTTPError:
                    if attempt == 9:
                        raise
                    time.sleep(1)
        if latency_ms > 0:
            for n, _, _ in proxies:
                for stream in ("upstream", "downstream"):
                    self._call("POST", f"/proxies/{n}/toxics", {"name": f"lat-{stream}", "type": "latency",
                                                                "stream": stream, "toxicity": 1.0,
                                                                "attributes": {"latency": latency_ms, "jitter": 0}})


# ---------------------------------------------------------------------------------------------------------------
# The generated fleet
# ---------------------------------------------------------------------------------------------------------------
# Kinds of the namespaced objects, in the order they are dealt out (37 for the default 40 objects per cluster).
KIND_CYCLE = (["ConfigMap", "Secret", "Deployment", "ConfigMap", "Service", "Widget", "ConfigMap", "Secret",
               "Deployment", "Service"] * 4)[:37]


def namespaced_objects(i, m):
    """(kind, namespace, name) of cluster i's namespaced objects; 3 of the m objects are 2 Namespaces and a CRD."""
    objs, counters = [], {}
    for j in range(max(0, m - 3)):
        kind = KIND_CYCLE[j % len(KIND_CYCLE)]
        counters[kind] = counters.get(kind, 0) + 1
        ns = f"c{i}-a" if j % 2 == 0 else f"c{i}-b"
        objs.append((kind, ns, f"{kind.lower()}-{counters[kind]}"))
    return objs


def render(kind, ns, name, i, rev):
    label = {"bench.fleetsync.io/cluster": f"c-{i}"}
    meta = {"name": name, "namespace": ns, "labels": label}
    if kind == "ConfigMap":
        return {"apiVersion": "v1", "kind": kind, "metadata": meta,
                "data": {"app.properties": f"mode=fast\nlevel=3\ncluster=c-{i}", "rev": str(rev), "owner": "team-a"}}
    if kind == "Secret":
        return {"apiVersion": "v1", "kind": kind, "metadata": meta, "type": "Opaque",
                "data": {"password": base64.b64encode(f"secret-{i}-{rev}".encode()).decode(),
                         "token": base64.b64encode(b"token-abc").decode()}}
    if kind == "Deployment":
        app = {"app": name}
        return {"apiVersion": "apps/v1", "kind": kind, "metadata": meta,
                "spec": {"replicas": 2, "selector": {"matchLabels": app},
                         "template": {"metadata": {"labels": app},
                                      "spec": {"containers": [{"name": "app", "image": f"registry.local/web:1.0.{rev}",
                                                               "ports": [{"containerPort": 8080, "name": "http"}],
                                                               "env": [{"name": "MODE", "value": "fast"}],
                                                               "resources": {"requests": {"cpu": "100m",
                                                                                          "memory": "64Mi"}}}]}}}}
    if kind == "Service":
        # Headless: the servers' service CIDR is a /24 and 1000 clusters need thousands of Services.
        return {"apiVersion": "v1", "kind": kind, "metadata": meta,
                "spec": {"clusterIP": "None", "selector": {"app": name},
                         "ports": [{"name": "http", "port": 80 + rev, "targetPort": 8080}]}}
    if kind == "Widget":
        return {"apiVersion": f"c{i}.bench.fleetsync.io/v1", "kind": "Widget", "metadata": meta,
                "spec": {"size": 2 + rev, "colour": "blue"}}
    raise ValueError(kind)


def base_objects(i):
    group = f"c{i}.bench.fleetsync.io"
    crd = {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
           "metadata": {"name": f"widgets.{group}"},
           "spec": {"group": group, "scope": "Namespaced",
                    "names": {"kind": "Widget", "listKind": "WidgetList", "plural": "widgets", "singular": "widget"},
                    "versions": [{"name": "v1", "served": True, "storage": True,
                                  "schema": {"openAPIV3Schema": {"type": "object", "properties": {
                                      "spec": {"type": "object", "properties": {
                                          "size": {"type": "integer", "minimum": 1},
                                          "colour": {"type": "string"}}}}}}}]}}
    nss = [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": f"c{i}-{s}"}} for s in ("a", "b")]
    return nss + [crd]


# Positions in each block of 40 namespaced objects: one of each kind is changed in v1 (ConfigMap, Secret, Deployment,
# Service, Widget: 5 of 37), and a Secret, a Deployment, a Widget and a Service are removed in v2 (4 of 37). A plain
# "every 10th object" would hit one kind only, since KIND_CYCLE repeats every 10.
CHANGED_IN_BLOCK = {10, 11, 12, 14, 15}
REMOVED_IN_BLOCK = {21, 22, 25, 29}


def version_objects(i, m, version):
    """v0: the initial fleet; v1: ~13 % of the namespaced objects changed; v2: v1 without another ~11 %."""
    objs = namespaced_objects(i, m)
    out = []
    for j, (kind, ns, name) in enumerate(objs):
        changed = version >= 1 and j % 40 in CHANGED_IN_BLOCK
        removed = version >= 2 and j % 40 in REMOVED_IN_BLOCK
        if not removed:
            out.append(render(kind, ns, name, i, 2 if changed else 1))
    return out


def dump_yaml(docs):
    # JSON is YAML; one document per object keeps the files readable by both tools without a YAML library.
    return "".join("---\n" + json.dumps(d, indent=1) + "\n" for d in docs)


def generate(workdir, n, m, kubeconfig):
    for version in (0, 1, 2):
        vdir = os.path.join(workdir, f"v{version}")
        for i in range(1, n + 1):
            cdir = os.path.join(vdir, f"c-{i}")
            os.makedirs(cdir, exist_ok=True)
            with open(os.path.join(cdir, "00-base.yaml"), "w") as f:
                f.write(dump_yaml(base_objects(i)))
            # One file per namespace: kubectl's ApplySet parent is namespaced and so is each of its applies.
            objs = version_objects(i, m, version)
            for ns in (f"c{i}-a", f"c{i}-b"):
                with open(os.path.join(cdir, f"10-{ns}.yaml"), "w") as f:
                    f.write(dump_yaml([o for o in objs if o["metadata"]["namespace"] == ns]))
        with open(os.path.join(workdir, f"fleet-v{version}.yaml"), "w") as f:
            f.write("# generated by bench/run: one target per simulated cluster (ApplySet parents must not collide)\n")
            f.write("clusters:\n")
            for i in range(1, n + 1):
                f.write(f"  - {{name: c-{i}, context: c-{i}, kubeconfig: {kubeconfig}}}\n")
            f.write("targets:\n")
            for i in range(1, n + 1):
                f.write(f"  - {{name: t-{i}, clusters: {{names: [c-{i}]}}, namespace: c{i}-a, "
                        f"resources: [v{version}/c-{i}/]}}\n")


def write_kubeconfig(path, n, proxy_port):
    pki = os.path.join(STATE, "pki")
    b64 = lambda f: base64.b64encode(open(os.path.join(pki, f), "rb").read()).decode()
    lines = ["apiVersion: v1", "kind: Config", "current-context: c-1", "users:",
             "  - name: admin", "    user:", f"      client-certificate-data: {b64('admin.crt')}",
             f"      client-key-data: {b64('admin.key')}", "clusters:"]
    for i in range(1, n + 1):
        lines += [f"  - name: c-{i}", "    cluster:", f"      server: https://127.0.0.1:{proxy_port(i)}",
                  f"      certificate-authority-data: {b64('ca.crt')}"]
    lines.append("contexts:")
    for i in range(1, n + 1):
        lines += [f"  - name: c-{i}", "    context:", f"      cluster: c-{i}", "      user: admin"]
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------------------------------
def java_cmd(args, java_opts):
    java = os.path.join(subprocess.check_output([os.path.join(ROOT, "scripts", "java-home")], text=True).strip(),
                        "bin", "java")
    # The same JVM flags as scripts/fleetsync.
    return [java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xmx768m", *java_opts,
            "-jar", os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar"), *args]


def native_cmd(args, native_opts=()):
    """The native executable scripts/native builds (bench/run builds it when --tools names fleetsync-native), with
    run-time options (e.g. -Xmx300m) before the command's own arguments, as SubstrateVM reads them."""
    return [native_executable(), *native_opts, *args]


def native_executable():
    """$FLEETSYNC_NATIVE_EXE (to compare two builds of the executable run by run), else scripts/native's output."""
    if os.environ.get("FLEETSYNC_NATIVE_EXE"):
        return os.path.abspath(os.environ["FLEETSYNC_NATIVE_EXE"])
    version = re.search(r"<version>([^<]*)</version>", open(os.path.join(ROOT, "pom.xml")).read()).group(1)
    return os.path.join(ROOT, "target", f"fleetsync-{version}-runner")


class Fleetsync:
    name = "fleetsync"

    def __init__(self, ctx):
        self.ctx = ctx

    def command(self, args):
        return java_cmd(args, self.ctx.java_opts)

    def run(self, scenario, version, outdir):
        c = self.ctx
        fleet = os.path.join(c.workdir, f"fleet-v{version}.yaml")
        common = ["-f", fleet, "--concurrency", str(c.concurrency), "-q", "--no-color", "-o", "json"]
        if c.cluster_requests != FLEETSYNC_CLUSTER_REQUESTS:
            common += ["--cluster-requests", str(c.cluster_requests)]  # only when asked: else the defaults run
        args = (["plan", "--detailed-exitcode"] if scenario == "plan-noop" else ["apply"]) + common
        r = run_measured(self.command(args), c.timeout, stdout_path=os.path.join(outdir, "out.json"))
        r["ok"] = r["rc"] == 0
        return r


class FleetsyncNative(Fleetsync):
    """The same runs as the native executable: no JVM, so no heap flags either."""
    name = "fleetsync-native"

    def command(self, args):
        return native_cmd(args, self.ctx.native_opts)


class Kubectl:
    def __init__(self, ctx, parallel):
        self.ctx, self.parallel = ctx, parallel
        self.name = "kubectl-parallel" if parallel else "kubectl-sequential"

    def script(self, scenario, version, i):
        c = self.ctx
        d = os.path.join(c.workdir, f"v{version}", f"c-{i}")
        k = f"{KUBECTL} --kubeconfig {c.kubeconfig} --context c-{i} --cache-dir {c.kcache}"
        files = f"-f {d}/00-base.yaml -f {d}/10-c{i}-a.yaml -f {d}/10-c{i}-b.yaml"
        if scenario == "plan-noop":
            # --field-manager: diff's default manager is kubectl-client-side-apply, apply --server-side's is kubectl.
            # Exit 1 means "differences": the run checks the diff text afterwards (see Kubectl.run).
            return f"{k} diff --server-side --field-manager=kubectl {files}; test $? -le 1"
        # A CRD's custom resources can only be applied once it is Established: base first, wait, then the rest.
        # kubectl's ApplySet parent is namespaced and one apply serves one namespace: one ApplySet per namespace
        # (parent ConfigMap kubectl-applyset in it), both namespaces applied in parallel, pruning what is gone.
        ns_apply = (f"KUBECTL_APPLYSET=true {k} apply --server-side -f {d}/10-c{i}-{{s}}.yaml -n c{i}-{{s}} "
                    f"--applyset=configmap/kubectl-applyset --prune >/dev/null")
        # kubectl wait fails at once ("conditions accessor error: <nil>") on a CRD whose controller has not
        # written status.conditions yet, which happens under load: retried, at most 60 times.
        wait = (f"ok=0; for t in $(seq 60); do {k} wait --for=condition=Established "
                f"crd/widgets.c{i}.bench.fleetsync.io --timeout=120s >/dev/null 2>&1 && {{ ok=1; break; }}; "
                f"sleep 0.5; done; test $ok = 1")
        return (f"{k} apply --server-side -f {d}/00-base.yaml >/dev/null && {wait} && {{ {ns_apply.format(s='a')} & a=$!; {ns_apply.format(s='b')} & b=$!; "
                f"wait $a && wait $b; }}")

    def run(self, scenario, version, outdir):
        c = self.ctx
        workers = c.concurrency if self.parallel else 1
        errors = []
        t0 = time.monotonic()
        results = per_cluster(c, workers, lambda i: ["bash", "-c", self.script(scenario, version, i)], outdir,
                              lambda i, rc: rc == 0, errors)
        wall = time.monotonic() - t0
        if scenario == "plan-noop":
            # kubectl diff has no --applyset: the ApplySet label it does not send shows as removed on every object.
            # Any other changed line is a real difference.
            for i in range(1, c.n + 1):
                text = open(os.path.join(outdir, f"c-{i}.out"), errors="replace").read().splitlines()
                other = [l for l in text if l[:1] in "+-" and not l.startswith(("+++", "---"))
                         and "applyset.kubernetes.io/part-of" not in l]
                if other:
                    errors.append((i, "diff: " + other[0][:120]))
        return fleet_result(results, errors, wall)


def per_cluster(c, workers, cmd, outdir, ok, errors):
    """Runs cmd(i) for every simulated cluster i, workers at a time, each measured (run_measured) with its output in
    outdir/c-<i>.out; ok(i, rc) decides success, failures are appended to errors as (i, rc)."""

    def one(i):
        r = run_measured(cmd(i), c.timeout, stdout_path=os.path.join(outdir, f"c-{i}.out"))
        if not ok(i, r["rc"]):
            errors.append((i, r["rc"]))
        return r

    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        return list(pool.map(one, range(1, c.n + 1)))


def fleet_result(results, errors, wall):
    """One row for the whole fleet: CPU summed over the clusters' processes, RSS of the largest one."""
    return {"rc": 1 if errors else 0, "ok": not errors, "wall": wall, "cpu": sum(r["cpu"] for r in results),
            "maxrss_kib": max(r["maxrss_kib"] for r in results), "failed_clusters": len(errors),
            "first_errors": errors[:5]}


# fleetsync's default --cluster-requests (requests in flight per cluster); kapp's --apply-concurrency is set to the
# same value so both have as many object requests in flight. kubectl apply sends one request at a time per process.
FLEETSYNC_CLUSTER_REQUESTS = 8
KAPP_RETRY_MARK = "bench: kapp deploy failed, running it once more"


class Kapp:
    """carvel kapp (scripts/kapp), one `kapp deploy` per simulated cluster, --concurrency clusters at a time.

    Each cluster is its own kapp app (bench-c<i>, its state in ConfigMaps of the namespace default: simulated
    clusters share servers, so app names must differ) deployed from that cluster's manifest folder of the version;
    kapp orders the CRD before its custom resources and prunes what left the folder by itself. --wait=false: the
    servers run no controllers, so Deployments never report status and kapp's default wait for them would never
    end; kapp's own retries cover custom resources whose CRD is not served yet (see docs/benchmarks.md)."""
    name = "kapp"

    def __init__(self, ctx, binary):
        self.ctx, self.binary = ctx, binary

    def cmd(self, scenario, version, i):
        c = self.ctx
        args = [self.binary, "deploy", "--kubeconfig", c.kubeconfig, "--kubeconfig-context", f"c-{i}",
                "-n", "default", "-a", f"bench-c{i}", "-f", os.path.join(c.workdir, f"v{version}", f"c-{i}"),
                "--wait=false", "--yes", "--color=false", f"--apply-concurrency={c.cluster_requests}"]
        if scenario == "plan-noop":
            # --diff-exit-status: exit 2 = no pending changes, 3 = pending changes (any other: an error).
            args += ["--diff-run", "--diff-exit-status", "--diff-changes"]
            return args
        # Under load kapp's discovery retries can run out before a new CRD is served ("Expected to find type for
        # resource"); as the harness loops kubectl's wait for Established, a failed deploy is run once more, as a
        # user would, and counted (kapp_retries). The second deploy's requests and time are part of the run.
        once = shlex.join(args)
        return ["bash", "-c", f"{once} || {{ echo '{KAPP_RETRY_MARK}' >&2; {once}; }}"]

    def run(self, scenario, version, outdir):
        c = self.ctx
        errors = []
        t0 = time.monotonic()
        want = 2 if scenario == "plan-noop" else 0
        results = per_cluster(c, c.concurrency, lambda i: self.cmd(scenario, version, i), outdir,
                              lambda i, rc: rc == want, errors)
        wall = time.monotonic() - t0
        retried = sum(1 for i in range(1, c.n + 1)
                      if KAPP_RETRY_MARK in open(os.path.join(outdir, f"c-{i}.out.err"), errors="replace").read())
        for k, (i, rc) in enumerate(errors):
            out = os.path.join(outdir, f"c-{i}.out")
            if scenario == "plan-noop" and rc == 3:
                # A pending change on the unchanged v0 manifests is a failure: name the first changed object and
                # kapp's summary lines (the diffs themselves stay in c-<i>.out).
                text = open(out, errors="replace").read().splitlines()
                first = next((l.strip() for l in text if l.startswith("@@")), "")
                summary = " / ".join(l.strip() for l in text if l.startswith(("Op:", "Wait to:")))
                errors[k] = (i, f"diff: {first} {summary}"[:300])
            else:
                # kapp's last error line ("kapp: Error: ...") says why, e.g. a type it could not find.
                text = open(out + ".err", errors="replace").read().splitlines()
                errors[k] = (i, rc, next((l for l in reversed(text) if "Error" in l), "")[:300])
        return {**fleet_result(results, errors, wall), "kapp_retries": retried}


class Ctx:
    pass


# ---------------------------------------------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------------------------------------------
def free_ports(base, count):
    import socket
    for p in range(base, base + count):
        with socket.socket() as s:
            # As a Go listener does: a port whose old connections sit in TIME_WAIT is still free to listen on.
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind(("127.0.0.1", p))
            except OSError:
                raise SystemExit(f"bench: port {p} is taken; choose another --proxy-port-base")


def run_size(args, n, m, results, out, toxi_bin, deadline):
    ctx = Ctx()
    ctx.n, ctx.concurrency, ctx.timeout, ctx.java_opts = n, min(args.concurrency, n), args.command_timeout, \
        args.java_opt
    ctx.native_opts = args.native_opt
    ctx.cluster_requests = args.cluster_requests
    # The 40-object fleets keep their old folder name; other object counts get their own.
    ctx.workdir = os.path.join(out, f"fleet-{n}" if m == 40 else f"fleet-{n}x{m}")
    os.makedirs(ctx.workdir, exist_ok=True)
    ctx.kubeconfig = os.path.join(ctx.workdir, "kubeconfig")
    generate(ctx.workdir, n, m, ctx.kubeconfig)
    free_ports(args.proxy_port_base, n + 3 * 2000)
    tools = []
    for t in args.tools:
        if t == "fleetsync":
            tools.append(Fleetsync(ctx))
        elif t == "fleetsync-native":
            tools.append(FleetsyncNative(ctx))
        elif t == "kubectl-parallel":
            tools.append(Kubectl(ctx, True))
        elif t == "kubectl-sequential" and n <= args.sequential_max_clusters:
            tools.append(Kubectl(ctx, False))
        elif t == "kapp":
            tools.append(Kapp(ctx, args.kapp_bin))
    reps = args.reps if n <= args.full_reps_max_clusters else 1
    for rep in range(1, reps + 1):
        for tool in tools:
            if tool.name == "kubectl-sequential" and rep > args.sequential_reps:
                continue
            if time.monotonic() > deadline:
                raise Deadline()
            log(f"size {n} x {m} objects rep {rep}/{reps} tool {tool.name}: fresh servers")
            servers = Servers(args.servers)
            servers.up()
            toxi = Toxiproxy(toxi_bin, args.toxiproxy_port, ctx.workdir)
            toxi.start()
            try:
                # Each tool run gets fresh listen ports: the previous run's may still be held by closing sockets.
                shift = (run_index := getattr(ctx, "run_index", 0)) % 4 * 2000
                ctx.run_index = run_index + 1
                port = lambda i: args.proxy_port_base + shift + i - 1
                toxi.populate([(f"c-{i}", port(i), servers.ports[(i - 1) % len(servers.ports)])
                               for i in range(1, n + 1)], args.latency_ms)
                write_kubeconfig(ctx.kubeconfig, n, port)
                ctx.kcache = os.path.join(ctx.workdir, f"kcache-{tool.name}-{rep}")
                shutil.rmtree(ctx.kcache, ignore_errors=True)
                for scenario in args.scenarios:
                    version = {"apply-initial": 0, "plan-noop": 0, "apply-change": 1, "prune": 2}[scenario]
                    if any(t == tool.name and sc == scenario and m >= k for t, sc, k in args.skip):
                        log(f"  {scenario:14s} skipped (--skip)")
                        results.write(json.dumps({"size": n, "objects": m, "rep": rep, "tool": tool.name,
                                                  "scenario": scenario, "skipped": True}) + "\n")
                        continue
                    rundir = os.path.join(ctx.workdir, "runs", f"{tool.name}-{rep}-{scenario}")
                    os.makedirs(rundir, exist_ok=True)
                    req0, cpu0 = servers.requests(), servers.cpu_seconds()
                    load0 = os.getloadavg()
                    with RssSampler(exclude=[toxi.proc.pid]) as sampler:
                        r = tool.run(scenario, version, rundir)
                    req1, cpu1 = servers.requests(), servers.cpu_seconds()
                    load1 = os.getloadavg()
                    row = {"size": n, "objects": m, "rep": rep, "tool": tool.name, "scenario": scenario,
                           "concurrency": ctx.concurrency, "latency_ms": args.latency_ms,
                           "requests_in_flight": requests_in_flight(tool.name, scenario, ctx.cluster_requests),
                           "loadavg_1m": load1[0], "loadavg_before": list(load0), "loadavg_after": list(load1),
                           **r,
                           "peak_rss_sum_mib": sampler.peak / 2**20, "maxrss_mib": r["maxrss_kib"] / 1024,
                           "server_cpu_s": cpu1 - cpu0, "requests": request_delta(req0, req1),
                           "servers": servers.memory()}
                    results.write(json.dumps(row) + "\n")
                    results.flush()
                    log(f"  {scenario:14s} ok={r['ok']} wall={r['wall']:.2f}s cpu={r['cpu']:.1f}s "
                        f"rss={row['maxrss_mib']:.0f}MiB req={row['requests']['total']} "
                        f"writes={row['requests']['writes']} server_cpu={row['server_cpu_s']:.1f}s")
            finally:
                toxi.stop()
                servers.down()


def requests_in_flight(tool, scenario, cluster_requests):
    """Object requests one cluster can have in flight at once, as the harness runs each tool."""
    if tool.startswith("fleetsync") or tool == "kapp":
        return cluster_requests  # fleetsync --cluster-requests (its default), kapp --apply-concurrency
    # kubectl: one request at a time per process; the applies run one process per namespace (2), the diff one.
    return 1 if scenario == "plan-noop" else 2


def measure_startup(args, out, command=None):
    runs = []
    for _ in range(args.startup_runs):
        r = run_measured(command or java_cmd(["version"], args.java_opt), 60)
        runs.append(r)
    return {"wall_median": statistics.median(r["wall"] for r in runs),
            "cpu_median": statistics.median(r["cpu"] for r in runs),
            "maxrss_mib_median": statistics.median(r["maxrss_kib"] for r in runs) / 1024, "runs": len(runs)}


def machine(args):
    cpu = ""
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    java = subprocess.run(java_cmd(["version"], [])[:1] + ["-version"], capture_output=True, text=True).stderr
    m = {"cpu": cpu, "cores": os.cpu_count(), "mem_gib": round(psutil.virtual_memory().total / 2**30, 1),
         "kernel": platform.release(), "java": java.splitlines()[0] if java else "",
         "kubectl": subprocess.run([KUBECTL, "version", "--client", "-o", "json"], capture_output=True,
                                   text=True).stdout.replace("\n", " ")[:200]}
    if args.kapp_bin:
        m["kapp"] = subprocess.run([args.kapp_bin, "version"], capture_output=True, text=True).stdout.splitlines()[0]
    return m


def main():
    ap = argparse.ArgumentParser(prog="bench/run", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="50,200,1000", help="fleet sizes (simulated clusters), comma-separated")
    ap.add_argument("--objects", default="40", help="objects per cluster (M), comma-separated for several")
    ap.add_argument("--cluster-requests", type=int, default=FLEETSYNC_CLUSTER_REQUESTS,
                    help="object requests in flight per cluster: fleetsync --cluster-requests (passed only when not "
                         "its default) and kapp --apply-concurrency")
    ap.add_argument("--servers", type=int, default=2, help="real API servers behind the proxies (2-3)")
    ap.add_argument("--latency-ms", type=int, default=25, help="added latency each way per proxy")
    ap.add_argument("--concurrency", type=int, default=50, help="clusters in flight, the same for every tool")
    ap.add_argument("--reps", type=int, default=3, help="repetitions (median reported)")
    ap.add_argument("--full-reps-max-clusters", type=int, default=200,
                    help="larger fleets run once (time budget)")
    ap.add_argument("--tools", default="fleetsync,kubectl-parallel,kubectl-sequential",
                    help="comma-separated, of " + ",".join(TOOLS) + " (kapp is built by scripts/kapp when missing)")
    ap.add_argument("--sequential-max-clusters", type=int, default=50,
                    help="kubectl-sequential only up to this fleet size (it is N times one cluster)")
    ap.add_argument("--sequential-reps", type=int, default=1)
    ap.add_argument("--scenarios", default=",".join(SCENARIOS), help="a prefix of " + ",".join(SCENARIOS))
    ap.add_argument("--java-opt", action="append", default=[], help="extra JVM option for fleetsync (repeatable)")
    ap.add_argument("--native-opt", action="append", default=[],
                    help="extra run-time option for fleetsync-native, e.g. -Xmx300m (repeatable)")
    ap.add_argument("--skip", action="append", default=[], metavar="TOOL:SCENARIO:OBJECTS",
                    help="do not run this tool's scenario from this many objects per cluster on (repeatable; e.g. "
                         "kubectl-parallel:plan-noop:20000 when kubectl diff would not fit the time); recorded as "
                         "skipped. Only a scenario that changes nothing (plan-noop) should be skipped, or the next "
                         "scenario starts from another state")
    ap.add_argument("--startup-runs", type=int, default=5)
    ap.add_argument("--command-timeout", type=float, default=900, help="seconds before one tool run is killed")
    ap.add_argument("--max-minutes", type=float, default=100, help="stop starting new runs after this")
    ap.add_argument("--proxy-port-base", type=int, default=20000,
                    help="first proxy port; 4 × 2000 ports from here, below the ephemeral range (32768+)")
    ap.add_argument("--toxiproxy-port", type=int, default=19474)
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "results", time.strftime("%Y%m%dT%H%M%S")))
    args = ap.parse_args()
    args.tools = [t for t in args.tools.split(",") if t]
    if set(args.tools) - set(TOOLS):
        ap.error(f"unknown tool(s) {','.join(sorted(set(args.tools) - set(TOOLS)))}; known: {','.join(TOOLS)}")
    args.out = os.path.abspath(args.out)
    args.scenarios = [t for t in args.scenarios.split(",") if t]
    sizes = [int(s) for s in args.sizes.split(",")]
    args.objects = [int(s) for s in args.objects.split(",")]
    args.skip = [(t, sc, int(k)) for t, sc, k in (x.split(":") for x in args.skip)]
    os.makedirs(args.out, exist_ok=True)
    deadline = time.monotonic() + args.max_minutes * 60

    def on_signal(signum, _):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    toxi_bin = subprocess.check_output([os.path.join(ROOT, "scripts", "toxiproxy")], text=True).strip()
    # Only when selected: the first build takes minutes.
    args.kapp_bin = (subprocess.check_output([os.path.join(ROOT, "scripts", "kapp")], text=True).strip()
                     if "kapp" in args.tools else None)
    meta = {"command": "bench/run " + " ".join(sys.argv[1:]), "args": vars(args), "machine": machine(args),
            "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    status = 0
    try:
        meta["startup"] = measure_startup(args, args.out)
        log(f"fleetsync version: {meta['startup']}")
        if "fleetsync-native" in args.tools:
            meta["startup_native"] = measure_startup(args, args.out, native_cmd(["version"], args.native_opt))
            meta["native_size_mib"] = round(os.path.getsize(native_executable()) / 2**20, 1)
            meta["native_executable"] = native_executable()
            log(f"fleetsync-native version: {meta['startup_native']}")
        with open(os.path.join(args.out, "runs.jsonl"), "a") as results:
            for n in sizes:
                for m in args.objects:
                    run_size(args, n, m, results, args.out, toxi_bin, deadline)
    except Deadline:
        log(f"--max-minutes {args.max_minutes} reached: no further runs started")
        meta["stopped_early"] = "max-minutes"
        status = 3
    except KeyboardInterrupt as e:
        log(f"interrupted ({e}); stopping everything started")
        meta["stopped_early"] = "interrupted"
        status = 130
    finally:
        REAPER.stop_all()
        meta["finished"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        with open(os.path.join(args.out, f"meta-{time.strftime('%H%M%S')}.json"), "w") as f:
            json.dump(meta, f, indent=1)
    log(f"results in {args.out}; tables: bench/report {args.out}")
    return status


if __name__ == "__main__":
    sys.exit(main())
