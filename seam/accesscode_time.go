package seam

import (
	"fmt"
	"time"
)

// DailyWindow returns the window of a daily-bound code: start is the date
// of startDate at timeOfDay (the wall-clock time since midnight, e.g.
// 16*time.Hour for 4 pm) in loc, and end is days dates later at the same
// wall-clock time in loc. Both times are in loc. Across a daylight saving
// change the two keep the same local time of day, so end - start is then
// not a whole number of 24 hours:
//
//	start, end, err := seam.DailyWindow(checkIn, 3, 16*time.Hour, berlin)
//	code, err := client.AccessCodes.Create(ctx, lockID, seam.DailyBoundOffline(start, end))
//
// The date of startDate is read in its own Location (startDate.Date()).
// days must be at least 1, timeOfDay within [0, 24h), loc not nil; a time
// of day that does not exist in loc on either date (skipped by a daylight
// saving change) is refused too. Errors match ErrInvalidInput.
func DailyWindow(startDate time.Time, days int, timeOfDay time.Duration, loc *time.Location) (start, end time.Time, err error) {
	switch {
	case loc == nil:
		return time.Time{}, time.Time{}, fmt.Errorf("%w: DailyWindow: location is nil", ErrInvalidInput)
	case days < 1:
		return time.Time{}, time.Time{}, fmt.Errorf("%w: DailyWindow: days must be at least 1 (is %d)", ErrInvalidInput, days)
	case timeOfDay < 0 || timeOfDay >= 24*time.Hour:
		return time.Time{}, time.Time{}, fmt.Errorf("%w: DailyWindow: time of day %s is outside [0, 24h)", ErrInvalidInput, timeOfDay)
	}
	y, m, d := startDate.Date()
	start, err = wallClock(y, m, d, timeOfDay, loc)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	end, err = wallClock(y, m, d+days, timeOfDay, loc)
	if err != nil {
		return time.Time{}, time.Time{}, err
	}
	return start, end, nil
}

// wallClock returns the date y-m-d (normalised) at timeOfDay in loc, or an
// error when that wall-clock time does not exist there.
func wallClock(y int, m time.Month, d int, timeOfDay time.Duration, loc *time.Location) (time.Time, error) {
	h := int(timeOfDay / time.Hour)
	mi := int(timeOfDay % time.Hour / time.Minute)
	s := int(timeOfDay % time.Minute / time.Second)
	ns := int(timeOfDay % time.Second)
	t := time.Date(y, m, d, h, mi, s, ns, loc)
	if t.Hour() != h || t.Minute() != mi || t.Second() != s {
		date := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		return time.Time{}, fmt.Errorf("%w: DailyWindow: %02d:%02d:%02d does not exist in %s on %s (daylight saving change)",
			ErrInvalidInput, h, mi, s, loc, date)
	}
	return t, nil
}
