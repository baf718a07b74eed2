/**
 * Image manifests: the digest (`sha256:` + hex SHA-256 of the manifest text, as the registry
 * computes it), the image size (sum of the layer sizes plus the config blob, as DescribeImages'
 * imageSizeInBytes), and the Docker image manifest v2 that sim:PushImage builds.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { invalidAt } from './common';

export const DOCKER_MANIFEST_V2 = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_CONFIG_V1 = 'application/vnd.docker.container.image.v1+json';
export const DOCKER_LAYER = 'application/vnd.docker.image.rootfs.diff.tar.gzip';
export const MIB = 1024 * 1024;

export const sha256Digest = (text: string) => `sha256:${bytesToHex(sha256(utf8ToBytes(text)))}`;

export interface ParsedManifest {
  mediaType?: string;
  sizeInBytes: number;
}

/**
 * Reads what we need from a manifest: its media type and size. Accepted: a JSON object with
 * `schemaVersion` 2 and `layers` (Docker v2 / OCI image manifest; size = layers + config), or
 * with `manifests` (a manifest list / OCI index; size 0, its images are stored separately).
 * Anything that is not JSON is AWS's "Invalid JSON syntax"; a JSON document of another shape
 * gets the same exception with a message we chose (AWS's exact text for it was not found).
 */
export function parseManifest(text: string): ParsedManifest {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw invalidAt('ImageManifest', 'Invalid JSON syntax');
  }
  const m = doc as { schemaVersion?: unknown; mediaType?: unknown; layers?: unknown; config?: { size?: unknown }; manifests?: unknown };
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || m.schemaVersion !== 2) {
    throw invalidAt('ImageManifest', 'Invalid manifest: schemaVersion must be 2 (Docker image manifest v2 or OCI)');
  }
  const mediaType = typeof m.mediaType === 'string' ? m.mediaType : undefined;
  if (Array.isArray(m.manifests)) return { mediaType, sizeInBytes: 0 };
  if (!Array.isArray(m.layers)) throw invalidAt('ImageManifest', 'Invalid manifest: layers must be a list');
  let size = typeof m.config?.size === 'number' ? m.config.size : 0;
  for (const layer of m.layers as { size?: unknown }[]) {
    if (typeof layer?.size !== 'number' || layer.size < 0) throw invalidAt('ImageManifest', 'Invalid manifest: every layer needs a size');
    size += layer.size;
  }
  return { mediaType, sizeInBytes: size };
}

/**
 * A Docker image manifest v2 with layers summing to `sizeMiB` MiB, deterministic in `build`
 * (the text that identifies the build: the same build gives the same manifest and digest).
 * Choice: up to three layers (a base layer of 60%, a dependencies layer of 30%, the app 10%),
 * like a typical `FROM base / RUN install / COPY app` Dockerfile.
 */
export function buildManifest(build: string, sizeMiB: number): string {
  const total = Math.round(sizeMiB * MIB);
  const base = Math.floor(total * 0.6);
  const deps = Math.floor(total * 0.3);
  const sizes = [base, deps, total - base - deps].filter((s) => s > 0);
  const config = JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Labels: { 'sandbox.build': build } } });
  return JSON.stringify(
    {
      schemaVersion: 2,
      mediaType: DOCKER_MANIFEST_V2,
      config: { mediaType: DOCKER_CONFIG_V1, size: config.length, digest: sha256Digest(config) },
      layers: sizes.map((size, i) => ({ mediaType: DOCKER_LAYER, size, digest: sha256Digest(`${build}/layer/${i}/${size}`) })),
    },
    null,
    3,
  );
}
