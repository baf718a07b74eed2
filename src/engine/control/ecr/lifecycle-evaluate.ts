/**
 * The ECR lifecycle policy evaluator: one pure function (policy, images, now) -> the images that
 * expire and the rule that expires each. Used by the preview and by the daily real expiry.
 *
 * AWS's evaluation rules (ECR user guide, "How lifecycle policies work"), each one a line below:
 *  1. Every rule is evaluated over all images, then the results are applied by rulePriority,
 *     lowest number first.
 *  2. An image is expired by exactly one rule or by none.
 *  3. An image that matches the tag selection of a higher-priority rule can never be expired by
 *     a lower-priority rule; lower rules still count it as if it had not been expired.
 *  4. tagged + tagPrefixList: the image matches only if every prefix in the list is a prefix of
 *     one of its tags; tagPatternList likewise with `*` wildcards (the whole tag must match).
 *     untagged: images without tags; any: every image.
 *  5. imageCountMoreThan N: keep the newest N of the selected images (by push time), expire the
 *     rest, older first. sinceImagePushed N days: expire selected images pushed more than N days ago.
 */

export interface LifecycleSelection {
  tagStatus: 'tagged' | 'untagged' | 'any';
  tagPrefixList?: string[];
  tagPatternList?: string[];
  countType: 'imageCountMoreThan' | 'sinceImagePushed';
  countUnit?: 'days';
  countNumber: number;
}

export interface LifecycleRule {
  rulePriority: number;
  description?: string;
  selection: LifecycleSelection;
  action: { type: 'expire' };
}

export interface LifecyclePolicy {
  rules: LifecycleRule[];
}

export interface LifecycleImage {
  imageDigest: string;
  imageTags: string[];
  /** Simulated seconds. */
  imagePushedAt: number;
}

export interface LifecycleExpiry {
  imageDigest: string;
  imageTags: string[];
  imagePushedAt: number;
  rulePriority: number;
  /** Why, in words a learner can read. */
  reason: string;
}

const DAY = 86_400;

function patternRegex(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/** Whether `image` matches the rule's tag selection (rule 4). */
export function selects(selection: LifecycleSelection, image: LifecycleImage): boolean {
  const tags = image.imageTags;
  if (selection.tagStatus === 'any') return true;
  if (selection.tagStatus === 'untagged') return tags.length === 0;
  if (tags.length === 0) return false;
  if (selection.tagPrefixList?.length) return selection.tagPrefixList.every((p) => tags.some((t) => t.startsWith(p)));
  if (selection.tagPatternList?.length) return selection.tagPatternList.map(patternRegex).every((re) => tags.some((t) => re.test(t)));
  return true;
}

/** Newest first; ties broken by digest so the order never depends on input order. */
const newestFirst = (a: LifecycleImage, b: LifecycleImage) => b.imagePushedAt - a.imagePushedAt || (a.imageDigest < b.imageDigest ? -1 : a.imageDigest > b.imageDigest ? 1 : 0);

/** The images a rule would expire on its own, with the reason (rule 5). */
function candidates(rule: LifecycleRule, selected: LifecycleImage[], now: number): { image: LifecycleImage; why: string }[] {
  const s = rule.selection;
  if (s.countType === 'imageCountMoreThan') {
    return [...selected]
      .sort(newestFirst)
      .slice(s.countNumber)
      .map((image, i) => ({ image, why: `it is number ${s.countNumber + i + 1} of ${selected.length} by push time and the rule keeps the newest ${s.countNumber}` }));
  }
  return selected
    .filter((image) => now - image.imagePushedAt > s.countNumber * DAY)
    .map((image) => ({ image, why: `it was pushed ${((now - image.imagePushedAt) / DAY).toFixed(1)} days ago, more than ${s.countNumber}` }));
}

export function describeSelection(s: LifecycleSelection): string {
  const which =
    s.tagStatus === 'tagged'
      ? `tagged images with ${s.tagPrefixList?.length ? `tag prefixes [${s.tagPrefixList.join(', ')}]` : `tag patterns [${(s.tagPatternList ?? []).join(', ')}]`}`
      : s.tagStatus === 'untagged'
        ? 'untagged images'
        : 'any image';
  const count = s.countType === 'imageCountMoreThan' ? `image count more than ${s.countNumber}` : `since image pushed ${s.countNumber} ${s.countUnit ?? 'days'}`;
  return `${which}, ${count}`;
}

export function evaluateLifecyclePolicy(policy: LifecyclePolicy, images: readonly LifecycleImage[], now: number): LifecycleExpiry[] {
  const rules = [...policy.rules].sort((a, b) => a.rulePriority - b.rulePriority);
  // Rule 1: evaluate every rule over all images first.
  const evaluated = rules.map((rule) => {
    const selected = images.filter((i) => selects(rule.selection, i));
    return { rule, selected, candidates: candidates(rule, selected, now) };
  });
  // Then apply by priority: an image claimed by a higher rule's selection is never expired lower (rules 2, 3).
  const claimed = new Set<string>();
  const expired: LifecycleExpiry[] = [];
  for (const { rule, selected, candidates: list } of evaluated) {
    for (const { image, why } of list.sort((a, b) => newestFirst(b.image, a.image))) {
      if (claimed.has(image.imageDigest)) continue;
      claimed.add(image.imageDigest);
      expired.push({
        imageDigest: image.imageDigest,
        imageTags: [...image.imageTags],
        imagePushedAt: image.imagePushedAt,
        rulePriority: rule.rulePriority,
        reason: `rule ${rule.rulePriority}${rule.description ? ` ("${rule.description}")` : ''} (${describeSelection(rule.selection)}): ${why}`,
      });
    }
    for (const image of selected) claimed.add(image.imageDigest);
  }
  return expired;
}
