// "Today" is a calendar day in Tallinn. Due dates, access end dates and adoption dates are Estonian
// calendar days, while the server clock runs UTC: from 00:00 to 02:00 (03:00 in summer) local
// time, the UTC date is still yesterday.
const TALLINN_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Tallinn', year: 'numeric', month: '2-digit', day: '2-digit' });

// Tallinn's offset is whole hours, so its day always turns on a whole UTC minute: one format per
// minute is exact. (Status writes ask for today on every answer.)
let cachedMinute = Number.NaN;
let cachedDay = '';

/** Today's date in Tallinn as ISO (YYYY-MM-DD); `now` for tests and for a fixed report date. */
export function tallinnToday(now: Date | number = Date.now()): string {
  const ms = typeof now === 'number' ? now : now.getTime();
  const minute = Math.floor(ms / 60_000);
  if (minute !== cachedMinute) {
    const p = Object.fromEntries(TALLINN_DATE.formatToParts(ms).map((x) => [x.type, x.value]));
    cachedDay = `${p['year']}-${p['month']}-${p['day']}`;
    cachedMinute = minute;
  }
  return cachedDay;
}
