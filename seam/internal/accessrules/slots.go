package accessrules

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Slot is a dormakaba Oracode predefined time slot ("user level"):
// codes start near its check-in time of day and end near its check-out time
// of day, in its time zone.
type Slot struct {
	Name              string
	CheckIn, CheckOut time.Duration // time of day
	Loc               *time.Location
}

// ParseSlot reads a slot whose times are in Seam's time-of-day format,
// "15:30:00-08:00[America/Los_Angeles]": hour and minute (seconds
// optional), then optionally a UTC offset and an IANA zone in brackets. The
// zone wins over the offset (which ignores daylight saving); without
// either, the lock's zone lockLoc is used, else UTC. ok is false when a
// time cannot be read.
func ParseSlot(name, checkIn, checkOut string, lockLoc *time.Location) (Slot, bool) {
	in, inLoc, ok1 := ParseTimeOfDay(checkIn)
	out, outLoc, ok2 := ParseTimeOfDay(checkOut)
	if !ok1 || !ok2 {
		return Slot{}, false
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
	return Slot{Name: name, CheckIn: in, CheckOut: out, Loc: loc}, true
}

// ParseTimeOfDay parses "HH:MM[:SS][±HH:MM|Z][[Zone]]". loc is the zone
// (or fixed offset) it names, nil when none.
func ParseTimeOfDay(s string) (tod time.Duration, loc *time.Location, ok bool) {
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

// ClockDistance is the distance between two times of day on a 24-hour
// clock (at most 12 hours).
func ClockDistance(a, b time.Duration) time.Duration {
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

// MatchSlots returns nil when start and end fall within
// SlotTolerance of the check-in and check-out times of one slot, and
// a *ValidationError listing the slots otherwise. No slots: nothing to check.
func MatchSlots(slots []Slot, start, end time.Time) error {
	if len(slots) == 0 {
		return nil
	}
	names := make([]string, 0, len(slots))
	for _, s := range slots {
		in, out := TimeOfDay(start.In(s.Loc)), TimeOfDay(end.In(s.Loc))
		if ClockDistance(in, s.CheckIn) <= SlotTolerance && ClockDistance(out, s.CheckOut) <= SlotTolerance {
			return nil
		}
		names = append(names, fmt.Sprintf("%q %s→%s %s", s.Name, clockString(s.CheckIn), clockString(s.CheckOut), s.Loc))
	}
	first := slots[0].Loc
	return &Violation{Param: ParamStartsAt, Rule: fmt.Sprintf(
		"starts_at (%s) and ends_at (%s, in %s) fit no predefined time slot of the dormakaba Oracode lock within an hour; slots: %s",
		start.In(first).Format("15:04"), end.In(first).Format("15:04"), first, strings.Join(names, ", "))}
}

// clockString formats a time of day as HH:MM.
func clockString(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
}
