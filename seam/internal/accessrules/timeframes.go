package accessrules

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// TimeFrame is one of a device's offline_time_frame_options: the
// window must satisfy all of its rules.
type TimeFrame struct {
	Name     string
	Min, Max ISODuration
	Matching bool // matching_start_end_time: same time of day at both ends
	Pairs    []TimePair
	Loc      *time.Location // the option's time_zone, else the lock's; nil: as given
}

// TimePair is a fixed start and end time of day a window may take.
type TimePair struct {
	Name       string
	Start, End time.Duration
}

// ISODuration is an ISO 8601 duration such as PT672H or P29D; set is false
// when absent or unreadable (then it bounds nothing).
type ISODuration struct {
	Text string
	D    time.Duration
	Days bool // has a day or week part, so daylight saving may shift it by an hour
	Set  bool
}

// isoDurationPattern matches the forms the API uses: weeks, days, hours,
// minutes, seconds (no years or months, whose length varies).
var isoDurationPattern = regexp.MustCompile(`^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$`)

// ParseISODuration reads s, or returns an unset ISODuration.
func ParseISODuration(s *string) ISODuration {
	if s == nil {
		return ISODuration{}
	}
	m := isoDurationPattern.FindStringSubmatch(strings.TrimSpace(*s))
	if m == nil || *s == "P" || strings.HasSuffix(*s, "T") {
		return ISODuration{}
	}
	units := []time.Duration{7 * 24 * time.Hour, 24 * time.Hour, time.Hour, time.Minute, time.Second}
	out := ISODuration{Text: *s, Set: true, Days: m[1] != "" || m[2] != ""}
	for i, u := range units {
		if m[i+1] == "" {
			continue
		}
		n, err := strconv.Atoi(m[i+1])
		if err != nil {
			return ISODuration{}
		}
		out.D += time.Duration(n) * u
	}
	return out
}

// slack is how far a window may miss the bound: an hour for day-based
// bounds (a daylight saving change makes a day 23 or 25 hours), else 0.
func (d ISODuration) slack() time.Duration {
	if d.Days {
		return time.Hour
	}
	return 0
}

// Check returns why the window start..end does not satisfy o, or "".
func (o TimeFrame) Check(start, end time.Time) string {
	d := end.Sub(start)
	if o.Min.Set && d < o.Min.D-o.Min.slack() {
		return fmt.Sprintf("%s: lasts %s, less than %s", o.Name, d, o.Min.Text)
	}
	if o.Max.Set && d > o.Max.D+o.Max.slack() {
		return fmt.Sprintf("%s: lasts %s, more than %s", o.Name, d, o.Max.Text)
	}
	s, e := InZone(start, o.Loc), InZone(end, o.Loc)
	if o.Matching && TimeOfDay(s) != TimeOfDay(e) {
		return fmt.Sprintf("%s: starts_at (%s) and ends_at (%s) must be at the same time of day", o.Name, s.Format("15:04"), e.Format("15:04"))
	}
	if len(o.Pairs) > 0 {
		names := make([]string, 0, len(o.Pairs))
		for _, p := range o.Pairs {
			if ClockDistance(TimeOfDay(s), p.Start) <= SlotTolerance && ClockDistance(TimeOfDay(e), p.End) <= SlotTolerance {
				return ""
			}
			names = append(names, fmt.Sprintf("%q %s→%s", p.Name, clockString(p.Start), clockString(p.End)))
		}
		return fmt.Sprintf("%s: starts_at (%s) and ends_at (%s) are more than an hour from every time pair (%s)",
			o.Name, s.Format("15:04"), e.Format("15:04"), strings.Join(names, ", "))
	}
	return ""
}

// CheckTimeFrames returns nil when the window satisfies one of
// opts. One-time-use codes have no end, so the options do not apply.
func CheckTimeFrames(opts []TimeFrame, kind Kind, start, end time.Time) error {
	if kind == OneTimeUse || len(opts) == 0 {
		return nil
	}
	reasons := make([]string, 0, len(opts))
	for _, o := range opts {
		why := o.Check(start, end)
		if why == "" {
			return nil
		}
		reasons = append(reasons, why)
	}
	return &Violation{Param: ParamEndsAt, Rule: "fits none of the device's offline_time_frame_options: " + strings.Join(reasons, "; ")}
}
