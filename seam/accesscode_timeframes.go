package seam

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/seamgo/seam-go/gen"
)

// timeFrameOption is one of a device's offline_time_frame_options: the
// window must satisfy all of its rules.
type timeFrameOption struct {
	name     string
	min, max isoDuration
	matching bool
	pairs    []timePair
	loc      *time.Location
}

// timePair is a fixed start and end time of day a window may take.
type timePair struct {
	name       string
	start, end time.Duration
}

// isoDuration is an ISO 8601 duration such as PT672H or P29D; set is false
// when absent or unreadable (then it bounds nothing).
type isoDuration struct {
	text string
	d    time.Duration
	days bool // has a day or week part, so daylight saving may shift it by an hour
	set  bool
}

// isoDurationPattern matches the forms the API uses: weeks, days, hours,
// minutes, seconds (no years or months, whose length varies).
var isoDurationPattern = regexp.MustCompile(`^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$`)

// parseISODuration reads s, or returns an unset isoDuration.
func parseISODuration(s *string) isoDuration {
	if s == nil {
		return isoDuration{}
	}
	m := isoDurationPattern.FindStringSubmatch(strings.TrimSpace(*s))
	if m == nil || *s == "P" || strings.HasSuffix(*s, "T") {
		return isoDuration{}
	}
	units := []time.Duration{7 * 24 * time.Hour, 24 * time.Hour, time.Hour, time.Minute, time.Second}
	out := isoDuration{text: *s, set: true, days: m[1] != "" || m[2] != ""}
	for i, u := range units {
		if m[i+1] == "" {
			continue
		}
		n, err := strconv.Atoi(m[i+1])
		if err != nil {
			return isoDuration{}
		}
		out.d += time.Duration(n) * u
	}
	return out
}

// slack is how far a window may miss the bound: an hour for day-based
// bounds (a daylight saving change makes a day 23 or 25 hours), else 0.
func (d isoDuration) slack() time.Duration {
	if d.days {
		return time.Hour
	}
	return 0
}

// timeFrameOptions converts the device's offline_time_frame_options.
func timeFrameOptions(device *gen.Device, lockLoc *time.Location) []timeFrameOption {
	raw := device.Properties.OfflineTimeFrameOptions
	if raw == nil {
		return nil
	}
	opts := make([]timeFrameOption, 0, len(*raw))
	for _, o := range *raw {
		opt := timeFrameOption{
			name:     o.DisplayName,
			min:      parseISODuration(o.MinDuration),
			max:      parseISODuration(o.MaxDuration),
			matching: o.MatchingStartEndTime != nil && bool(*o.MatchingStartEndTime),
			loc:      lockLoc,
		}
		if o.TimeZone != nil {
			if loc, err := time.LoadLocation(*o.TimeZone); err == nil {
				opt.loc = loc
			}
		}
		for _, p := range deref(o.TimePairs) {
			start, _, ok1 := parseTimeOfDay(p.StartTime)
			end, _, ok2 := parseTimeOfDay(p.EndTime)
			if ok1 && ok2 {
				opt.pairs = append(opt.pairs, timePair{name: p.DisplayName, start: start, end: end})
			}
		}
		opts = append(opts, opt)
	}
	return opts
}

// check returns why the window start..end does not satisfy o, or "".
func (o timeFrameOption) check(start, end time.Time) string {
	d := end.Sub(start)
	if o.min.set && d < o.min.d-o.min.slack() {
		return fmt.Sprintf("%s: lasts %s, less than %s", o.name, d, o.min.text)
	}
	if o.max.set && d > o.max.d+o.max.slack() {
		return fmt.Sprintf("%s: lasts %s, more than %s", o.name, d, o.max.text)
	}
	s, e := inZone(start, o.loc), inZone(end, o.loc)
	if o.matching && timeOfDay(s) != timeOfDay(e) {
		return fmt.Sprintf("%s: starts_at (%s) and ends_at (%s) must be at the same time of day", o.name, s.Format("15:04"), e.Format("15:04"))
	}
	if len(o.pairs) > 0 {
		names := make([]string, 0, len(o.pairs))
		for _, p := range o.pairs {
			if clockDistance(timeOfDay(s), p.start) <= oracodeSlotTolerance && clockDistance(timeOfDay(e), p.end) <= oracodeSlotTolerance {
				return ""
			}
			names = append(names, fmt.Sprintf("%q %s→%s", p.name, clockString(p.start), clockString(p.end)))
		}
		return fmt.Sprintf("%s: starts_at (%s) and ends_at (%s) are more than an hour from every time pair (%s)",
			o.name, s.Format("15:04"), e.Format("15:04"), strings.Join(names, ", "))
	}
	return ""
}

// checkTimeFrameOptions returns nil when the window satisfies one of
// opts. One-time-use codes have no end, so the options do not apply.
func checkTimeFrameOptions(opts []timeFrameOption, kind OfflineCodeKind, start, end time.Time) error {
	if kind == OfflineOneTimeUse || len(opts) == 0 {
		return nil
	}
	reasons := make([]string, 0, len(opts))
	for _, o := range opts {
		why := o.check(start, end)
		if why == "" {
			return nil
		}
		reasons = append(reasons, why)
	}
	return &ValidationError{Param: paramEndsAt, Rule: "fits none of the device's offline_time_frame_options: " + strings.Join(reasons, "; ")}
}
