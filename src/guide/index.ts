import data from './recommendations.json' with { type: 'json' };

export interface Recommendation {
  id: string;
  section: string;
  title: string;
  why: string;
  /** How it can be judged: api, policy, host, dns or manual. */
  assess: 'api' | 'policy' | 'host' | 'dns' | 'manual';
  /** A related control the guide implies but does not spell out. */
  beyond?: boolean;
}

/** Every recommendation of the guide, in the guide's order. A copy of shared/guide/recommendations.json. */
export const RECOMMENDATIONS: readonly Recommendation[] = data.recommendations as Recommendation[];

const byId = new Map(RECOMMENDATIONS.map((r) => [r.id, r]));

export function recommendation(id: string): Recommendation | undefined {
  return byId.get(id);
}

/** The guide's sections in the order they first appear. */
export const SECTIONS: readonly string[] = [...new Set(RECOMMENDATIONS.map((r) => r.section))];
