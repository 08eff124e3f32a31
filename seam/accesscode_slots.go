package seam

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// timeSlot is a dormakaba Oracode predefined time slot ("user level"):
// codes start near its check-in time of day and end near its check-out time
// of day, in its time zone.
type timeSlot struct {
	name              string
	checkIn, checkOut time.Duration
	loc               *time.Location
}

// parseTimeSlot reads a slot whose times are in Seam's time-of-day format,
// "15:30:00-08:00[America/Los_Angeles]": hour and minute (seconds
// optional), then optionally a UTC offset and an IANA zone in brackets. The
// zone wins over the offset (which ignores daylight saving); without
// either, the lock's zone lockLoc is used, else UTC. ok is false when a
// time cannot be read.
func parseTimeSlot(name, checkIn, checkOut string, lockLoc *time.Location) (timeSlot, bool) {
	in, inLoc, ok1 := parseTimeOfDay(checkIn)
	out, outLoc, ok2 := parseTimeOfDay(checkOut)
	if !ok1 || !ok2 {
		return timeSlot{}, false
	}
	loc := inLoc
	if loc == nil {
		loc = outLoc
	}
	if loc == nil {
		loc = lockLoc
	}
	if loc == nil {
		loc = time.UTC
	}
	return timeSlot{name: name, checkIn: in, checkOut: out, loc: loc}, true
}

// parseTimeOfDay parses "HH:MM[:SS][±HH:MM|Z][[Zone]]". loc is the zone
// (or fixed offset) it names, nil when none.
func parseTimeOfDay(s string) (tod time.Duration, loc *time.Location, ok bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '['); i >= 0 && strings.HasSuffix(s, "]") {
		if l, err := time.LoadLocation(s[i+1 : len(s)-1]); err == nil {
			loc = l
		}
		s = s[:i]
	}
	clock, offset := s, ""
	if i := strings.IndexAny(s, "+-Z"); i >= 0 {
		clock, offset = s[:i], s[i:]
	}
	parts := strings.Split(clock, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, nil, false
	}
	limits := []int{23, 59, 59}
	units := []time.Duration{time.Hour, time.Minute, time.Second}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > limits[i] {
			return 0, nil, false
		}
		tod += time.Duration(n) * units[i]
	}
	if loc == nil && offset != "" {
		loc = parseOffset(offset)
	}
	return tod, loc, true
}

// parseOffset reads "Z" or "±HH:MM" as a fixed zone, or returns nil.
func parseOffset(s string) *time.Location {
	if s == "Z" {
		return time.UTC
	}
	t, err := time.Parse("-07:00", s)
	if err != nil {
		return nil
	}
	_, secs := t.Zone()
	return time.FixedZone(s, secs)
}

// clockDistance is the distance between two times of day on a 24-hour
// clock (at most 12 hours).
func clockDistance(a, b time.Duration) time.Duration {
	d := a - b
	if d < 0 {
		d = -d
	}
	d %= 24 * time.Hour
	if d > 12*time.Hour {
		d = 24*time.Hour - d
	}
	return d
}

// matchTimeSlot returns nil when start and end fall within
// oracodeSlotTolerance of the check-in and check-out times of one slot, and
// a *ValidationError listing the slots otherwise. No slots: nothing to check.
func matchTimeSlot(slots []timeSlot, start, end time.Time) error {
	if len(slots) == 0 {
		return nil
	}
	names := make([]string, 0, len(slots))
	for _, s := range slots {
		in, out := timeOfDay(start.In(s.loc)), timeOfDay(end.In(s.loc))
		if clockDistance(in, s.checkIn) <= oracodeSlotTolerance && clockDistance(out, s.checkOut) <= oracodeSlotTolerance {
			return nil
		}
		names = append(names, fmt.Sprintf("%q %s→%s %s", s.name, clockString(s.checkIn), clockString(s.checkOut), s.loc))
	}
	first := slots[0].loc
	return &ValidationError{Param: paramStartsAt, Rule: fmt.Sprintf(
		"starts_at (%s) and ends_at (%s, in %s) fit no predefined time slot of the dormakaba Oracode lock within an hour; slots: %s",
		start.In(first).Format("15:04"), end.In(first).Format("15:04"), first, strings.Join(names, ", "))}
}

// clockString formats a time of day as HH:MM.
func clockString(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
}
