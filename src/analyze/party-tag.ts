/** A US party and state tag after a politician's name ("Sen. Ann Lee, D-Calif.,", "R-Ohio"): read by entities and quotes. */
export const PARTY_TAG = /^[RDI]-\p{Lu}[\p{L}.]*$/u;
