import { CultureWarning, takesAggregate } from '@culture-widgets/core';

// Its own module: takesAggregate reads value with core's expression grammar, which the elements
// that have no `aggregate` (table, source) must not load before their first rows.

/** `aggregate` where `value` has no bare column to apply it to (`count()`, nothing): said ignored. */
export const aggregateUnused = (aggregate: string | undefined, value: string | undefined): CultureWarning[] =>
  aggregate?.trim() && !takesAggregate(value) ? [new CultureWarning('invalid-value', { attribute: 'aggregate', value: aggregate.trim(), accepted: '' }, 'aggregate-unused')] : [];
