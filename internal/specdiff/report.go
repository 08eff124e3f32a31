package specdiff

// Level is how much a change matters to existing callers.
type Level string

// The levels of a Change, from oasdiff's ERR, WARN and INFO.
const (
	// Breaking changes break existing callers (oasdiff ERR).
	Breaking Level = "breaking"
	// Warning changes may break some callers (oasdiff WARN).
	Warning Level = "warning"
	// Info changes are compatible (oasdiff INFO).
	Info Level = "info"
)

// levels lists the levels in the order the changelog shows them.
var levels = []Level{Breaking, Warning, Info}

// Change is one change found by oasdiff.
type Change struct {
	// Level is how much it matters.
	Level Level
	// ID is oasdiff's rule id, such as "api-removed-without-deprecation".
	ID string
	// Method and Path name the operation, such as "POST" and
	// "/access_codes/create"; empty for changes outside operations.
	Method, Path string
	// Text is oasdiff's description of the change.
	Text string
}

// Operation returns "METHOD path", or "" outside operations.
func (c Change) Operation() string {
	if c.Path == "" {
		return ""
	}
	return c.Method + " " + c.Path
}

// less orders changes by level, rule, path, method, text.
func (c Change) less(o Change) bool {
	if c.Level != o.Level {
		return levelRank(c.Level) < levelRank(o.Level)
	}
	if c.ID != o.ID {
		return c.ID < o.ID
	}
	if c.Path != o.Path {
		return c.Path < o.Path
	}
	if c.Method != o.Method {
		return c.Method < o.Method
	}
	return c.Text < o.Text
}

func levelRank(l Level) int {
	for i, x := range levels {
		if x == l {
			return i
		}
	}
	return len(levels)
}

// Report is oasdiff's judgement of a spec change, on the normalised specs.
type Report struct {
	// IncludeUndocumented records Options.IncludeUndocumented.
	IncludeUndocumented bool
	// Changes are sorted by level (breaking first), rule, path and method.
	Changes []Change
}

// Empty reports whether the normalised specs do not differ.
func (r *Report) Empty() bool { return len(r.Changes) == 0 }

// Count returns the number of changes at level l.
func (r *Report) Count(l Level) int {
	n := 0
	for _, c := range r.Changes {
		if c.Level == l {
			n++
		}
	}
	return n
}

// Breaking reports whether oasdiff found a breaking change.
func (r *Report) Breaking() bool { return r.Count(Breaking) > 0 }

// HasOperation reports whether a change of rule id names the operation
// "METHOD path".
func (r *Report) HasOperation(id, operation string) bool {
	for _, c := range r.Changes {
		if c.ID == id && c.Operation() == operation {
			return true
		}
	}
	return false
}

// The verdicts returned by Report.Verdict.
const (
	VerdictBreaking    = "breaking"
	VerdictNotBreaking = "not breaking"
	VerdictNoChange    = "no change"
)

// Verdict returns VerdictNoChange, VerdictBreaking or VerdictNotBreaking.
func (r *Report) Verdict() string {
	switch {
	case r.Empty():
		return VerdictNoChange
	case r.Breaking():
		return VerdictBreaking
	default:
		return VerdictNotBreaking
	}
}
