package accessrules

import (
	"fmt"
	"time"
)

// DailyWindow (seam.DailyWindow) returns the window of a daily-bound code: start is the date
// of startDate, read in loc, at timeOfDay (the wall-clock time since
// midnight, e.g. 16*time.Hour for 4 pm) in loc, and end is days dates later
// at the same wall-clock time in loc. Both times are in loc. Across a
// daylight saving change the two keep the same local time of day, so
// end - start is then not a whole number of 24 hours:
//
//	start, end, err := seam.DailyWindow(checkIn, 3, 16*time.Hour, berlin)
//	code, err := client.AccessCodes.Create(ctx, lockID, seam.DailyBoundOffline(start, end))
//
// The date is that of startDate in loc (startDate.In(loc).Date()): 23:30
// UTC on 6 March is 7 March in Berlin. days must be at least 1, timeOfDay
// within [0, 24h), loc not nil. A local time that a daylight saving change
// makes ambiguous on either date is refused (it occurs twice: the lock and
// Seam could each pick another instant), and so is one it skips (it does
// not exist). Every error is a *ValidationError (matching ErrInvalidInput)
// naming the argument ("loc", "days", "timeOfDay") or the bound ("starts_at",
// "ends_at") at fault.
func DailyWindow(startDate time.Time, days int, timeOfDay time.Duration, loc *time.Location) (start, end time.Time, err error) {
	switch {
	case loc == nil:
		return time.Time{}, time.Time{}, &Violation{Param: "loc", Rule: "DailyWindow: location is nil"}
	case days < 1:
		return time.Time{}, time.Time{}, &Violation{Param: "days", Rule: fmt.Sprintf("DailyWindow: days must be at least 1 (is %d)", days)}
	case timeOfDay < 0 || timeOfDay >= 24*time.Hour:
		return time.Time{}, time.Time{}, &Violation{Param: "timeOfDay", Rule: fmt.Sprintf("DailyWindow: time of day %s is outside [0, 24h)", timeOfDay)}
	}
	y, m, d := startDate.In(loc).Date()
	start, err = wallClock(ParamStartsAt, y, m, d, timeOfDay, loc)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	end, err = wallClock(ParamEndsAt, y, m, d+days, timeOfDay, loc)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	return start, end, nil
}

// wallClock returns the one instant that shows the date y-m-d (normalised)
// at timeOfDay in loc, or a *ValidationError about param when that local
// time does not exist there or occurs twice.
func wallClock(param string, y int, m time.Month, d int, timeOfDay time.Duration, loc *time.Location) (time.Time, error) {
	h := int(timeOfDay / time.Hour)
	mi := int(timeOfDay % time.Hour / time.Minute)
	s := int(timeOfDay % time.Minute / time.Second)
	ns := int(timeOfDay % time.Second)
	instants := localInstants(time.Date(y, m, d, h, mi, s, ns, time.UTC), loc)
	date := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	switch len(instants) {
	case 1:
		return instants[0], nil
	case 0:
		return time.Time{}, &Violation{Param: param, Rule: fmt.Sprintf(
			"DailyWindow: %02d:%02d:%02d does not exist in %s on %s (skipped by a daylight saving change)", h, mi, s, loc, date)}
	}
	return time.Time{}, &Violation{Param: param, Rule: fmt.Sprintf(
		"DailyWindow: %02d:%02d:%02d occurs twice in %s on %s (%s and %s, a daylight saving change): choose another time of day",
		h, mi, s, loc, date, instants[0].Format("15:04 MST"), instants[1].Format("15:04 MST"))}
}

// localInstants returns, in order, the instants whose wall clock in loc is
// wall (a time whose UTC fields give the wall clock): none when a daylight
// saving change skips it, two when it repeats it. It tries the UTC offsets
// in force around it: the offset of the zone period Go picks, and those of
// the periods just before and after.
func localInstants(wall time.Time, loc *time.Location) []time.Time {
	guess := time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), wall.Nanosecond(), loc)
	probes := []time.Time{guess}
	if startBound, endBound := guess.ZoneBounds(); !startBound.IsZero() {
		probes = append(probes, startBound.Add(-time.Nanosecond))
		if !endBound.IsZero() {
			probes = append(probes, endBound)
		}
	} else if !endBound.IsZero() {
		probes = append(probes, endBound)
	}
	var out []time.Time
	seen := map[int]bool{}
	for _, p := range probes {
		_, offset := p.Zone()
		if seen[offset] {
			continue
		}
		seen[offset] = true
		u := wall.Add(-time.Duration(offset) * time.Second).In(loc)
		if _, o := u.Zone(); o == offset {
			out = append(out, u)
		}
	}
	if len(out) == 2 && out[1].Before(out[0]) {
		out[0], out[1] = out[1], out[0]
	}
	return out
}
