// Validates every manifest in docker/k8s and docker/monitoring against the Kubernetes schemas (kubernetes-models,
// offline: no cluster) and the Dockerfiles in docker/ with a Dockerfile linter, then checks what neither can know
// about this service. Exits non-zero on any problem.
// One command (installs its two npm packages on first use):
//   docker/k8s/validate/check
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { DockerfileParser } from 'dockerfile-ast';
import { validate as lintDockerfile } from 'dockerfile-utils';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..');
const monitoring = join(dir, '..', 'monitoring');
const modules = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
};
const problems = [];
const documents = [];
// Prometheus Operator kinds have no schema in kubernetes-models: their fields are checked below instead.
const operatorKinds = new Set(['PrometheusRule', 'ServiceMonitor', 'PodMonitor']);

const files = [
  ...readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => [f, join(dir, f)]),
  ...readdirSync(monitoring).filter((f) => f.endsWith('.yaml')).sort().map((f) => [`monitoring/${f}`, join(monitoring, f)]),
];
for (const [file, path] of files) {
  for (const doc of parseAllDocuments(readFileSync(path, 'utf8'))) {
    if (doc.errors.length) {
      problems.push(`${file}: YAML: ${doc.errors[0].message}`);
      continue;
    }
    const obj = doc.toJSON();
    if (!obj) continue;
    const where = `${file}: ${obj.kind}/${obj.metadata?.name}`;
    if (obj.apiVersion === 'monitoring.coreos.com/v1' && operatorKinds.has(obj.kind)) {
      documents.push({ file, where, obj });
      continue;
    }
    const module = modules[obj.apiVersion];
    if (!module) {
      problems.push(`${where}: no schema for apiVersion ${obj.apiVersion}`);
      continue;
    }
    const Model = (await import(module))[obj.kind];
    if (!Model) {
      problems.push(`${where}: unknown kind ${obj.kind}`);
      continue;
    }
    try {
      new Model(obj).validate();
      documents.push({ file, where, obj });
    } catch (e) {
      problems.push(`${where}: ${e.message}`);
    }
  }
}

// Service-specific checks: every secret key referenced exists in the example Secret, probes hit the health
// endpoints on the management port, and containers of this service listen on obshell's port and the management port.
const secretKeys = new Set(documents.filter((d) => d.obj.kind === 'Secret')
  .flatMap((d) => Object.keys({ ...d.obj.stringData, ...d.obj.data })));
const podSpecs = documents.flatMap((d) => {
  const spec = d.obj.kind === 'Pod' ? d.obj.spec : d.obj.spec?.template?.spec;
  return spec ? [{ where: d.where, spec }] : [];
});
for (const { where, spec } of podSpecs) {
  for (const c of spec.containers.filter((c) => String(c.image).startsWith('ob-restore-overview'))) {
    for (const e of c.env ?? []) {
      const ref = e.valueFrom?.secretKeyRef;
      if (ref && !secretKeys.has(ref.key)) problems.push(`${where}: secret key ${ref.key} is not in secret.example.yaml`);
    }
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      const path = c[probe]?.httpGet?.path;
      if (!path?.startsWith('/q/health/')) problems.push(`${where}: ${c.name} ${probe} does not probe /q/health/*`);
      const port = c[probe]?.httpGet?.port;
      const named = c.ports?.find((p) => p.name === port || p.containerPort === port);
      if (named?.containerPort !== 9000) problems.push(`${where}: ${c.name} ${probe} is not on the management port 9000`);
    }
    if (!c.ports?.some((p) => p.containerPort === 2886)) problems.push(`${where}: ${c.name} does not expose 2886`);
    if (!c.ports?.some((p) => p.containerPort === 9000 && p.name === 'management')) {
      problems.push(`${where}: ${c.name} does not expose the management port 9000 as "management"`);
    }
    if (!c.resources?.limits?.memory) problems.push(`${where}: ${c.name} has no memory limit`);
    // /q/metrics names every restoring tenant: each instance demands the token Prometheus sends.
    const token = (c.env ?? []).find((e) => e.name === 'OBRESTORE_AUTH_METRICS_TOKEN');
    if (!token?.valueFrom?.secretKeyRef) problems.push(`${where}: ${c.name} sets no OBRESTORE_AUTH_METRICS_TOKEN from a Secret`);
  }
}

// Monitoring: the PrometheusRule holds exactly the groups of the rule file promtool checks; monitors scrape
// /q/metrics on the port named management.
const ruleFile = parseAllDocuments(readFileSync(join(monitoring, 'ob-restore-overview.rules.yml'), 'utf8'))[0].toJSON();
for (const { where, obj } of documents.filter((d) => d.obj.kind === 'PrometheusRule')) {
  if (JSON.stringify(obj.spec?.groups) !== JSON.stringify(ruleFile.groups)) {
    problems.push(`${where}: spec.groups differ from monitoring/ob-restore-overview.rules.yml`);
  }
}
for (const { where, obj } of documents.filter((d) => d.obj.kind === 'ServiceMonitor' || d.obj.kind === 'PodMonitor')) {
  const endpoints = obj.spec?.endpoints ?? obj.spec?.podMetricsEndpoints ?? [];
  if (!obj.spec?.selector?.matchLabels) problems.push(`${where}: no selector`);
  if (!endpoints.length) problems.push(`${where}: no endpoints`);
  for (const e of endpoints) {
    if (e.port !== 'management' || e.path !== '/q/metrics') problems.push(`${where}: must scrape /q/metrics on port management`);
    if (!e.relabelings?.some((r) => r.targetLabel === 'cluster')) problems.push(`${where}: no cluster label`);
    const token = e.authorization?.credentials;
    if (e.authorization?.type !== 'Bearer' || !token?.name || !token?.key) {
      problems.push(`${where}: must send the metrics token (authorization: Bearer, credentials from a Secret)`);
    } else if (!secretKeys.has(token.key)) {
      problems.push(`${where}: metrics token key ${token.key} is not in secret.example.yaml`);
    }
  }
}

// Dockerfiles: dockerfile-utils' linter (syntax, instructions, arguments), then what it cannot see: a stage that
// runs a command as a non-root user must have made its working directory that user's (a build as "quarkus" in a
// root-owned /build fails with "Permission denied"), and the final stage exposes the API and management ports.
const dockerDir = join(dir, '..');
const dockerfiles = readdirSync(dockerDir).filter((f) => /^Dockerfile\.[a-z]+$/.test(f)).sort();
for (const name of dockerfiles) {
  const text = readFileSync(join(dockerDir, name), 'utf8');
  for (const d of lintDockerfile(text)) problems.push(`${name}:${d.range.start.line + 1}: ${d.message}`);
  const stages = [];
  for (const i of DockerfileParser.parse(text).getInstructions()) {
    const keyword = i.getKeyword();
    const args = i.getArgumentsContent() ?? '';
    if (keyword === 'FROM') stages.push({ user: 'root', workdir: '/', chowned: [], exposed: [], line: i.getRange().start.line + 1 });
    const stage = stages[stages.length - 1];
    if (keyword === 'USER') stage.user = args.split(':')[0];
    if (keyword === 'WORKDIR') stage.workdir = args;
    if (keyword === 'EXPOSE') stage.exposed.push(...args.split(/\s+/).map(Number));
    if (keyword === 'RUN' && /chown\s/.test(args)) stage.chowned.push(args);
    if (keyword === 'RUN' && stage.user !== 'root' && stage.user !== '0' && stage.workdir !== '/') {
      const owns = stage.chowned.some((c) => c.includes(stage.user) && c.includes(stage.workdir));
      if (!owns) {
        problems.push(`${name}:${i.getRange().start.line + 1}: RUN as ${stage.user} in ${stage.workdir}, which no earlier RUN chowns to ${stage.user}`);
      }
    }
  }
  const last = stages[stages.length - 1];
  for (const port of [2886, 9000]) {
    if (!last?.exposed.includes(port)) problems.push(`${name}: the final stage does not EXPOSE ${port}`);
  }
}

for (const p of problems) console.error(`FAIL ${p}`);
console.log(`${documents.length} manifests and ${dockerfiles.length} Dockerfiles checked, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
