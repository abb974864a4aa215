import type { ValueTransformer } from 'typeorm';

/** numeric ↔ number (PostgreSQL returns numeric as text); amounts are yuan with two decimals, scores two decimals. */
export const numericColumn: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};
