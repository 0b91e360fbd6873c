// Validates every manifest in docker/k8s against the Kubernetes schemas (kubernetes-models, offline: no
// cluster), then checks what the schemas cannot know about this service. Exits non-zero on any problem.
//   npm ci --prefix docker/k8s/validate && node docker/k8s/validate/validate.mjs
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..');
const modules = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
};
const problems = [];
const documents = [];

for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  for (const doc of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
    if (doc.errors.length) {
      problems.push(`${file}: YAML: ${doc.errors[0].message}`);
      continue;
    }
    const obj = doc.toJSON();
    if (!obj) continue;
    const where = `${file}: ${obj.kind}/${obj.metadata?.name}`;
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
// endpoints, and containers of this service listen on obshell's port.
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
    }
    if (!c.ports?.some((p) => p.containerPort === 2886)) problems.push(`${where}: ${c.name} does not expose 2886`);
    if (!c.resources?.limits?.memory) problems.push(`${where}: ${c.name} has no memory limit`);
  }
}

for (const p of problems) console.error(`FAIL ${p}`);
console.log(`${documents.length} manifests valid, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
