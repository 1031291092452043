// English for /remind (src/commands/remind.ts) and the reminder DMs (src/views/reminder.ts), which
// Convex writes in the person's remembered locale.
export const reminders = {
  "reminders.badZone":
    'I don\'t know the time zone "{zone}" — pick one from the list as you type, by city (e.g. Europe/Berlin); abbreviations like EST ignore daylight saving.',
  "reminders.didYouMean": "Did you mean **{title}**? Pick the show from the list as you type (or use its TMDB id, {tmdbId}).",
  "reminders.turnedOn": "🔔 Reminders are on.",
  "reminders.turnedOff": "🔕 Reminders are off: I won't DM you about your shows.",
  "reminders.already": "Reminders were already {enabled, select, true {on} other {off}} — nothing changed.",
  "reminders.saved": "✅ Saved.",
  "reminders.state": "**Reminders** are {enabled, select, true {on} other {off}}.",
  "reminders.stalledAfter": "• A show counts as stalled after **{days, plural, one {# day} other {# days}}** without a mark.",
  "reminders.quiet.none": "• Quiet hours: **none**.",
  "reminders.quiet.noneZone": "• Quiet hours: **none** (your time zone: {zone}).",
  "reminders.quiet.hours": "• Quiet hours: **{hours}** ({zone}).",
  "reminders.howToChange":
    "Change them with `/remind settings days:7 quiet:22:00-08:00 timezone:Europe/Berlin`; `/remind off` stops them all, `/remind show` stops one show.",
  "reminders.showOn": "🔔 I'll remind you about **{title}** again.",
  "reminders.showOff": "🔕 No more reminders or new-episode alerts for **{title}**.",
  "reminders.stopped": "🔕 No more reminders or new-episode alerts for **{title}**. `/remind show` turns them back on.",
  "reminders.marked": "✅ Marked {code} of **{title}**.",
  "reminders.alreadyMarked": "{code} of **{title}** was already marked.",
  "reminders.snoozed": "😴 I'll leave **{title}** alone until {until}.",
  "reminders.lastShow": "That was the last show this reminder was about.",
  "reminders.caughtUp": "You're caught up on everything this reminder was about.",
  "reminders.dm.one": "Picking up where you left off?",
  "reminders.dm.many": "{count, plural, one {# show is} other {# shows are}} waiting where you left them.",
  "reminders.dm.also": "Also waiting: {shows}.",
  "reminders.dm.first": "I send at most one of these a day. `/remind off` stops them all; **Settings** changes how often and when.",
  "reminders.dm.upNext": "Up next: {episode}",
  "reminders.dm.left":
    "{left, plural, one {# episode} other {# episodes}} left · last one {idle, select, today {today} yesterday {yesterday} other {{days, plural, one {# day} other {# days}} ago}}",
  "reminders.dm.newEpisode": "🆕 {code} of **{title}** is out.",
  "reminders.dm.newFirst":
    "I tell you when a show you're caught up on has a new episode, and remind you of shows you've paused. `/remind off` stops them all; `/remind show` stops one show.",
  "reminders.button.markShow": "Mark {code} watched — {title}",
  "reminders.button.mark": "Mark {code} watched",
  "reminders.button.snooze": "Snooze a week",
  "reminders.button.stopShow": "Stop for this show",
  "reminders.button.stop": "Stop",
  "reminders.button.settings": "Settings",
  "reminders.quiet.ambiguous": 'Does that start at {early} or {late}? Write it as "{as24}" or "{asPm}" (24-hour clock, or with am/pm).',
  "reminders.quiet.bad": 'Quiet hours look like "22:00-08:00" or "10pm-8am" (start and end differ), or "off".',
  "reminders.zone.pick": "Pick a time zone from the list, e.g. Europe/Berlin.",
  "reminders.zone.unknown": '"{zone}" is not a time zone: pick one from the list, e.g. Europe/Berlin.',
  "reminders.badDays": "Days must be a whole number from {min, number} to {max, number}.",
  "reminders.dmsClosed":
    "📭 I couldn't DM you a reminder: your DMs are closed to me. To get them, open **User Settings → Content & Social** and allow DMs from server members (or, in a server we share, its **Privacy Settings → Direct Messages**). I'll try again now that you've used me.",
} as const;
