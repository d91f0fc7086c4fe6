/**
 * Diagnostics are data, not exceptions: a stage that meets something odd records
 * what it found (with a stable rule id) and the adapters decide how to show it.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable, kebab-case id of the rule that fired, e.g. `charset-mismatch`. */
  readonly rule: string;
  /** One line a person can act on; names the bad value. */
  readonly message: string;
}

export function diagnostic(severity: Severity, rule: string, message: string): Diagnostic {
  return { severity, rule, message };
}

/**
 * The error a stage throws when an input cannot become an article at all.
 * `rule` is machine-readable, `message` is the one-line explanation users see.
 */
export class InputError extends Error {
  readonly rule: string;
  constructor(rule: string, message: string) {
    super(message);
    this.name = 'InputError';
    this.rule = rule;
  }
}
