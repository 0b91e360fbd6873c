// Display helpers. Every value reaches the page through textContent: nothing here builds HTML.

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function bytes(value) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return '–';
  }
  let v = Number(value);
  let unit = 0;
  while (Math.abs(v) >= 1024 && unit < UNITS.length - 1) {
    v /= 1024;
    unit++;
  }
  return (unit === 0 ? v.toFixed(0) : v.toFixed(v < 10 ? 2 : 1)) + ' ' + UNITS[unit];
}

export function rate(bytesPerSecond) {
  return bytesPerSecond === undefined || bytesPerSecond === null ? '–' : bytes(bytesPerSecond) + '/s';
}

/** A duration in seconds as "1 h 05 min", "4 min 10 s", "12 s". */
export function duration(seconds) {
  if (seconds === undefined || seconds === null || Number.isNaN(seconds) || seconds < 0) {
    return '–';
  }
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h > 0) {
    return h + ' h ' + String(m).padStart(2, '0') + ' min';
  }
  return m > 0 ? m + ' min ' + String(r).padStart(2, '0') + ' s' : r + ' s';
}

/** An RFC 3339 time as the cluster shows it ("2024-10-21 09:00:00 +08:00"); "" stays "–". */
export function time(rfc3339) {
  if (!rfc3339) {
    return '–';
  }
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(rfc3339);
  return match ? match[1] + ' ' + match[2] + ' ' + (match[3] === 'Z' ? 'UTC' : match[3]) : rfc3339;
}

/** Seconds between two RFC 3339 times, or NaN. */
export function secondsBetween(from, to) {
  return (Date.parse(to) - Date.parse(from)) / 1000;
}

/** A percentage string from the views ("41.60") or a ratio; "" stays null. */
export function percent(value) {
  if (value === '' || value === null || value === undefined) {
    return null;
  }
  const number = Number(value);
  return Number.isNaN(number) ? null : Math.max(0, Math.min(100, number));
}

export function ratioPercent(done, total) {
  return total > 0 ? Math.max(0, Math.min(100, (done / total) * 100)) : null;
}

/** The UTC offset of an RFC 3339 time in minutes ("+08:00" gives 480; "Z" or none gives 0). */
export function offsetMinutes(rfc3339) {
  const match = /([+-])(\d{2}):(\d{2})$/.exec(rfc3339 || '');
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/**
 * "HH:MM:SS" (or "HH:MM" when {@code minutesOnly}) of a Unix time in seconds, on the clock of the given UTC offset
 * (the cluster's, not the browser's).
 */
export function clock(epochSeconds, offset, minutesOnly = false) {
  const shifted = new Date(epochSeconds * 1000 + offset * 60000);
  const parts = [shifted.getUTCHours(), shifted.getUTCMinutes(), shifted.getUTCSeconds()];
  return (minutesOnly ? parts.slice(0, 2) : parts).map(part => String(part).padStart(2, '0')).join(':');
}

/** A UTC offset in minutes as "+08:00". */
export function offsetText(minutes) {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return sign + String(Math.floor(abs / 60)).padStart(2, '0') + ':' + String(abs % 60).padStart(2, '0');
}

/**
 * An ISO date and time typed by a user ("2024-10-21", "2024-10-21 09:00", "2024-10-21T09:00:30") on the clock of
 * the given UTC offset, as RFC 3339; a date alone is its first second, or its last with {@code endOfDay}. "" stays
 * ""; anything else is null (not a time).
 */
export function isoInput(text, offset, endOfDay = false) {
  const value = (text || '').trim();
  if (value === '') {
    return '';
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (!match) {
    return null;
  }
  const [, y, mo, d, h, mi, s] = match;
  const hours = h === undefined ? (endOfDay ? '23' : '00') : h;
  const minutes = mi === undefined ? (endOfDay ? '59' : '00') : mi;
  const seconds = s === undefined ? (endOfDay && h === undefined ? '59' : '00') : s;
  const rfc3339 = y + '-' + mo + '-' + d + 'T' + hours + ':' + minutes + ':' + seconds + offsetText(offset);
  const check = new Date(Date.parse(rfc3339) + offset * 60000);
  // Rejects 2024-02-30 and 25:00, which Date.parse would roll over.
  if (Number.isNaN(check.getTime()) || check.getUTCDate() !== Number(d) || check.getUTCHours() !== Number(hours)
      || check.getUTCMinutes() !== Number(minutes)) {
    return null;
  }
  return rfc3339;
}

/** "2 of 3 log streams done, 1 failed on 10.0.0.13:2882" (a log stream is done when every replica of it is). */
export function logStreamLine(summary) {
  if (!summary) {
    return '';
  }
  const total = summary.log_streams;
  let line = summary.done + ' of ' + total + ' log stream' + (total === 1 ? '' : 's') + ' done';
  if (summary.failed > 0) {
    line += ', ' + summary.failed + ' failed on ' + summary.failed_on.join(', ');
  }
  return line;
}
