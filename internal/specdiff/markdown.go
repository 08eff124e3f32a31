package specdiff

import (
	"fmt"
	"strings"
)

// DefaultMaxItems is the number of entries Markdown shows per rule.
const DefaultMaxItems = 50

// headings name the changelog section of each level.
var headings = map[Level]string{
	Breaking: "Breaking changes",
	Warning:  "Changes that may break callers",
	Info:     "Other changes",
}

// Markdown renders the report: a verdict line, then one section per level
// with the changes grouped by oasdiff rule, at most maxItems per rule (all
// when maxItems < 1).
func (r *Report) Markdown(maxItems int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**Verdict: %s** (oasdiff on the normalised specs: %d breaking, %d may break, %d other; %s)\n",
		r.Verdict(), r.Count(Breaking), r.Count(Warning), r.Count(Info), r.scope())
	for _, l := range levels {
		n := r.Count(l)
		if n == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n### %s (%d)\n", headings[l], n)
		var id string
		shown, inRule := 0, 0
		flush := func() {
			if rest := inRule - shown; rest > 0 {
				fmt.Fprintf(&b, "- … and %d more\n", rest)
			}
		}
		for _, c := range r.Changes {
			if c.Level != l {
				continue
			}
			if c.ID != id {
				flush()
				id, shown, inRule = c.ID, 0, 0
				fmt.Fprintf(&b, "\n#### `%s` (%d)\n\n", c.ID, r.countRule(l, c.ID))
			}
			inRule++
			if maxItems > 0 && shown >= maxItems {
				continue
			}
			shown++
			if op := c.Operation(); op != "" {
				fmt.Fprintf(&b, "- `%s`: %s\n", op, c.Text)
			} else {
				fmt.Fprintf(&b, "- %s\n", c.Text)
			}
		}
		flush()
	}
	return b.String()
}

func (r *Report) countRule(l Level, id string) int {
	n := 0
	for _, c := range r.Changes {
		if c.Level == l && c.ID == id {
			n++
		}
	}
	return n
}

func (r *Report) scope() string {
	if r.IncludeUndocumented {
		return "x-undocumented operations included"
	}
	return "x-undocumented operations left out, as in gen/"
}
