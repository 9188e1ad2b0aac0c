import { format, parseISO, subDays } from 'date-fns';

/**
 * The calendar day before a `YYYY-MM-DD` date: the last day of a rule list or
 * arrangement that gives way on `date`. Local-time arithmetic on a date with no
 * time, so no time zone can shift it.
 *
 * @example
 * ```ts
 * dayBefore('2024-03-01'); // → '2024-02-29'
 * ```
 */
export const dayBefore = (date: string): string => format(subDays(parseISO(date), 1), 'yyyy-MM-dd');
